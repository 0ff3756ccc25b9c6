"""Network explorers, without a browser: set a control, check the model result and the picture."""
import pytest

from helpers import views
from helpers.network import ForcedChoice


def test_stronger_ties_keep_more_customers():
    ex = views.stickiness_explorer(lam=0.05, shape="scale-free", leavers=5)
    weak, before = ex.result, bytes(ex.image.value)
    ex.controls["lam"].value = 0.3
    strong = ex.result
    assert strong["left"].sum() < weak["left"].sum()
    assert bytes(ex.image.value) != before and "follow" in ex.summary.value


def test_more_first_leavers_never_shrink_the_cascade():
    ex = views.stickiness_explorer(lam=0.12, leavers=0)
    sizes = []
    for k in (0, 5, 10, 20, 40):
        ex.controls["leavers"].value = k
        sizes.append(int(ex.result["left"].sum()))
        assert int((ex.result["round"] == 0).sum()) == k
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0]


@pytest.mark.parametrize("shape", ["random", "small-world", "community"])
def test_every_shape_draws(shape):
    ex = views.stickiness_explorer(shape="scale-free")
    before = bytes(ex.image.value)
    ex.controls["shape"].value = shape
    assert len(ex.result) == 150 and bytes(ex.image.value) != before


def test_who_leaves_first_changes_the_leavers():
    ex = views.stickiness_explorer(leavers=5, who="most connected")
    hubs = set(ex.result.index[ex.result["round"] == 0])
    ex.controls["who"].value = "random"
    assert set(ex.result.index[ex.result["round"] == 0]) != hubs


def test_forced_choice_explorer_follows_lambda():
    ex = views.forced_choice_explorer(lam=0.0)
    assert isinstance(ex.result, ForcedChoice)
    low, before = ex.result.share["QQ"], bytes(ex.image.value)
    ex.controls["lam"].value = 0.3
    assert ex.result.share["QQ"] > low + 0.2
    assert bytes(ex.image.value) != before and "keep QQ" in ex.summary.value
    share_360 = ex.result.share["360"]
    ex.controls["lam_360"].value = 0.5
    assert ex.result.share["360"] > share_360


def test_explorer_arguments_are_checked():
    with pytest.raises(ValueError, match="shape must be one of"):
        views.stickiness_explorer(shape="ring")
    with pytest.raises(ValueError, match="who must be one of"):
        views.stickiness_explorer(who="richest")
