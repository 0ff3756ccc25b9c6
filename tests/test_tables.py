"""Tables shown to students: headings and course vocabulary in the course's language, column
names in code unchanged, English display exactly as the table itself."""
import ast
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import tables, xiaomi
from helpers.language import CATALOGUE
from helpers.plots import xiaomi as px
from helpers.tables import display_columns, heading

CJK = re.compile(r"[\u4e00-\u9fff]")
#: the tables of the Xiaomi case as the notebooks show them
SHOWN = {"swot": xiaomi.swot, "idic": xiaomi.idic_table, "timeline": xiaomi.timeline,
         "disagreements": xiaomi.disagreements, "stage_practice": lambda: xiaomi.STAGE_PRACTICE,
         "readings": lambda: xiaomi.READINGS}


def headings(styler) -> list:
    """The column headings a styled table shows (and checks that its HTML shows them)."""
    html = styler.to_html()
    shown = [str(c) for c in styler.data.columns]
    assert all(re.search(rf">{re.escape(c)}</th>", html) for c in shown)
    return shown


@pytest.mark.parametrize("name", SHOWN)
def test_english_display_is_the_table_itself(name):
    frame = SHOWN[name]()
    assert display_columns(frame) is frame


def test_english_styled_tables_keep_the_column_names():
    assert headings(px.style_swot(xiaomi.swot())) == ["quadrant", "quadrant_zh", "point", "evidence", "reading"]
    assert headings(px.style_idic(xiaomi.idic_table())) == ["step", "step_zh", "kind", "point", "reading"]


def test_chinese_swot_headings_quadrants_and_colours(chinese):
    swot = xiaomi.swot()
    styled = px.style_swot(swot)
    assert headings(styled) == ["象限", "要点", "依据", "出处"]
    assert list(swot.columns) == list(xiaomi.SWOT_COLUMNS)          # the table itself is unchanged
    assert styled.data["象限"].unique().tolist() == ["优势", "劣势", "机会", "威胁"]
    html = styled.to_html()
    assert all(colour in html for colour in px.QUADRANT_COLORS.values())
    first_weakness = styled.data["象限"].tolist().index("劣势")
    assert styled._compute().ctx[(first_weakness, 0)][0] == ("background-color", px.QUADRANT_COLORS["weakness"])


def test_chinese_idic_headings_and_shading(chinese):
    styled = px.style_idic(xiaomi.idic_table())
    assert headings(styled) == ["步骤", "类别", "要点", "出处"]
    assert set(styled.data["类别"]) == {"现有做法", "改进建议"} and styled.data["步骤"].iloc[0] == "识别"
    shaded = {row for (row, _), css in styled._compute().ctx.items() if ("background-color", "#fff4d6") in css}
    assert shaded == set(styled.data.index[styled.data["类别"] == "改进建议"])


def test_chinese_timeline_shows_the_chinese_events(chinese):
    t = xiaomi.timeline()
    shown = display_columns(t[["event", "event_zh", "kind", "precision", "reading"]])
    assert list(shown.columns) == ["事件", "类别", "日期精度", "出处"]
    assert shown["事件"].tolist() == t["event_zh"].tolist()
    assert "event" in t.columns and t["kind"].iloc[0] == "company"


def test_chinese_pivot_table_index_and_columns(chinese):
    idic = xiaomi.idic_table()
    pivot = idic.pivot_table(index="step", columns="kind", values="point", aggfunc="count", fill_value=0, sort=False)
    shown = display_columns(pivot)
    assert shown.index.name == "步骤" and shown.columns.name == "类别"
    assert list(shown.columns) == ["现有做法", "改进建议"] and shown.index[0] == "识别"
    assert shown.to_numpy().tolist() == pivot.to_numpy().tolist()


@pytest.mark.parametrize("name", SHOWN)
def test_every_column_shown_has_a_chinese_heading(chinese, name):
    shown = display_columns(SHOWN[name]())
    assert [c for c in shown.columns if not CJK.search(str(c))] == []


@pytest.mark.parametrize("name", SHOWN)
def test_every_vocabulary_value_has_its_chinese(chinese, name):
    frame, shown = SHOWN[name](), display_columns(SHOWN[name]())
    for column in ("quadrant", "step", "stage", "kind", "precision"):
        if column in frame.columns:
            left = sorted(set(shown[heading(column)]) - {v for v in shown[heading(column)] if CJK.search(str(v))})
            assert left == [], f"{name}.{column}: no Chinese for {left} in helpers/texts/tables.toml"


def test_catalogue_entries_pair_a_column_name_with_chinese():
    keys = [k for k in CATALOGUE if k.startswith("tables.")]
    assert keys
    for key in keys:
        english, chinese_ = CATALOGUE[key]
        assert english == key.split(".", 3)[-1], f"{key}: the English side is the column name or value itself"
        assert CJK.search(chinese_), key


def test_not_a_frame_is_refused():
    with pytest.raises(TypeError, match="must be a DataFrame"):
        display_columns(pd.Series([1]))


def test_no_english_display_string_left_in_the_code():
    tree = ast.parse(Path(tables.__file__).read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef)) and isinstance(node.body[0], ast.Expr)}
    raised = {id(n) for node in ast.walk(tree) if isinstance(node, ast.Raise) for n in ast.walk(node)}
    found = [node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and id(node) not in docstrings | raised and re.search(r"[A-Za-z]+ [A-Za-z]+", node.value)]
    assert found == []
