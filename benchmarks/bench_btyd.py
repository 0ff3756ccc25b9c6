"""BTYD models: the customer summary on a million transactions (target about 1 s), and BG/NBD and
Gamma-Gamma fits on the CDNOW sample (2,357 customers) and master file (23,570 customers).
If the ``lifetimes`` package is importable (``make bench`` installs 0.11.3 in ``.bench-packages``), its
fits are timed in the same run and the speed ratio and the largest relative parameter difference
printed; the course itself never needs it."""
from __future__ import annotations

import numpy as np

from bench_data import million_transactions
from helpers import btyd, data
from timing import timed


def _fit_both(summary):
    bg = btyd.BetaGeo().fit(summary)
    paid = summary[summary["monetary_value"] > 0]  # the master file has a repeat buyer of free items only
    gg = btyd.GammaGamma().fit(paid["frequency"], paid["monetary_value"])
    return bg, gg


def _lifetimes(summary, ours, seconds):
    """Time lifetimes' fits on the same summary in the same run; print the speed ratio and the
    largest relative difference of the parameters."""
    try:
        from lifetimes import BetaGeoFitter, GammaGammaFitter
    except ImportError:
        print("  lifetimes not installed: no side-by-side comparison")
        return

    def fit():
        bgf = BetaGeoFitter().fit(summary["frequency"], summary["recency"], summary["T"])
        rep = summary[summary["monetary_value"] > 0]
        ggf = GammaGammaFitter().fit(rep["frequency"], rep["monetary_value"])
        return bgf, ggf

    theirs_seconds = timed(fit, 3)
    bgf, ggf = fit()
    theirs = {**{k: bgf.params_[k] for k in ("r", "alpha", "a", "b")},
              **{k: ggf.params_[k] for k in ("p", "q", "v")}}
    mine = {**ours[0].params_, **ours[1].params_}
    worst = max(abs(mine[k] / theirs[k] - 1) for k in theirs)
    print(f"  lifetimes 0.11.3 fit: {theirs_seconds:.3f} s; ours {seconds:.3f} s: "
          f"{theirs_seconds / seconds:.1f}x faster; largest relative parameter difference {worst:.1e}")


def main():
    tx = million_transactions()
    seconds = timed(lambda: btyd.summarize(tx, "2014-12-31", "2015-12-20"), 3)
    print(f"summarize, 1,000,000 transactions (100,000 customers, with holdout): {seconds:.3f} s")
    for kind in ("sample", "master"):
        summary = btyd.summarize(data.load_cdnow(kind), calibration_end="1997-09-30")
        seconds = timed(lambda: _fit_both(summary), 7)
        bg, gg = _fit_both(summary)
        params = ", ".join(f"{k}={v:.4g}" for k, v in {**bg.params_, **gg.params_}.items())
        print(f"BG/NBD + Gamma-Gamma fit, CDNOW {kind} ({len(summary):,} customers): {seconds:.3f} s  [{params}]")
        _lifetimes(summary, (bg, gg), seconds)
    bg, gg = _fit_both(btyd.summarize(data.load_cdnow(), calibration_end="1997-09-30"))
    summary = btyd.summarize(data.load_cdnow("master"), calibration_end="1997-09-30")
    print(f"clv, 12 monthly steps, {len(summary):,} customers: "
          f"{timed(lambda: btyd.clv(bg, gg, summary, 12, 0.01, 'M'), 3):.3f} s")


if __name__ == "__main__":
    main()
