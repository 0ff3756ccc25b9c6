"""Every explorer in the lecture hall, in a real Chromium at 1280×720: each Voilà dashboard, English
and Chinese, and the explorer of a course notebook shown by RISE. The whole explorer (title,
controls, summary line and figure) is on the screen, no control label, readout or drop-down choice
is cut off, the figure's PNG is never enlarged (which would blur it), and its smallest text is
legible from the back of the room. ``python tools/explorer_fit.py`` prints the same measurements."""
import pytest

from tools import dashboards, explorer_fit
from tools.browser import ROOT, voila_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]
#: The smallest figure text allowed at 1280×720, in screen pixels (slide body text is 22-24 px; the
#: explorers' figures were at 6-10 px before the projection style).
SMALLEST_TEXT_PX = 13.0
NOTEBOOKS = [ROOT / "notebooks" / "02_lifecycle_stage_models.ipynb", ROOT / "zh" / "notebooks" / "02_lifecycle_stage_models.ipynb"]


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    server = voila_server(tmp_path_factory.mktemp("voila-explorers"), dashboards.FOLDER)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def dashboards_measured(browser, voila):
    results, external = explorer_fit.measure_dashboards(browser, voila.url)
    assert external == [], f"the dashboards fetched {sorted(set(external))[:5]}"
    return results




def test_every_dashboard_was_measured_in_both_languages(dashboards_measured):
    names = set(dashboards.explorers())
    assert len(names) >= 12
    for language in ("en", "zh"):
        assert {r["name"] for r in dashboards_measured if r["language"] == language} == names
    chinese = [label["text"] for r in dashboards_measured if r["language"] == "zh" for label in r["labels"]]
    assert chinese and all(any("\u4e00" <= c <= "\u9fff" for c in t) or len(t) <= 3 for t in chinese), chinese


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_control_label_is_cut_off_in_any_dashboard(dashboards_measured, language):
    cut = [(r["name"], kind, x["text"]) for r in dashboards_measured if r["language"] == language
           for kind in ("labels", "readouts", "selects") for x in r[kind] if x["cut"]]
    assert cut == [], f"cut off ({language}): {cut}"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_dashboard_fits_1280_by_720(dashboards_measured, language):
    outside = [(r["name"], round(r["right"]), round(r["bottom"])) for r in dashboards_measured
               if r["language"] == language and not explorer_fit.fits(r)]
    assert outside == [], f"explorers reaching past 1280×720 (name, right, bottom): {outside}"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_dashboard_pictures_are_sharp_and_their_texts_legible(dashboards_measured, language):
    figures = [r for r in dashboards_measured if r["language"] == language and r["image"]]
    assert len(figures) >= 11
    stretched = [(r["name"], r["image"]["natural"], r["image"]["shown"]) for r in figures
                 if r["image"]["natural"][0] < r["image"]["shown"][0] - 0.5]
    assert stretched == [], f"pictures shown wider than they were drawn (name, natural, shown): {stretched}"
    small = [(r["name"], r["smallest_text_px"], r["figure_text"]["text"]) for r in figures
             if r["smallest_text_px"] < SMALLEST_TEXT_PX]
    assert small == [], f"figure texts under {SMALLEST_TEXT_PX} px at 1280×720: {small}"
    # sliders keep a track a hand can use
    narrow = [(r["name"], min(r["tracks"])) for r in figures if r["tracks"] and min(r["tracks"]) < 120]
    assert narrow == [], f"slider tracks under 120 px: {narrow}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=["en", "zh"])
def test_a_rise_show_shows_its_explorer_whole_sharp_and_legible(browser, lab, notebook):
    measured = explorer_fit.measure_rise(browser, lab, notebook)
    assert [r["name"] for r in measured] == ["lifecycle_explorer"]
    language = "zh" if "zh" in notebook.relative_to(ROOT).parts else "en"
    for r in measured:
        assert r["language"] == language
        assert any("\u4e00" <= c <= "\u9fff" for c in r["labels"][-1]["text"]) == (language == "zh")
        assert explorer_fit.problems(r) == [], explorer_fit.problems(r)
        assert r["smallest_text_px"] >= SMALLEST_TEXT_PX, r["figure_text"]
        assert min(r["tracks"]) >= 120
