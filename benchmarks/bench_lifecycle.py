"""From transactions to stages: stage_panel + classify_stages on a million rows (target: about a
second each, two seconds together). Prints wall-clock time (median of 3) and the process's CPU
time for one run, which is steadier on a shared machine."""
from __future__ import annotations

import time

import numpy as np
import pandas as pd

from helpers import lifecycle
from timing import timed


def million_transactions(seed=0, n=1_000_000):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "customer_id": rng.integers(0, 100_000, n),
        "date": pd.Timestamp("2011-08-16") + pd.to_timedelta(rng.integers(0, 1600, n), unit="D"),
        "amount": rng.gamma(2.0, 400.0, n).round(2),
    })


def cpu(fn):
    start = time.process_time()
    fn()
    return time.process_time() - start


def main():
    tx = million_transactions()
    panel = lifecycle.stage_panel(tx)
    print(f"stage_panel, 1,000,000 transactions -> {len(panel):,} customer-months: "
          f"{timed(lambda: lifecycle.stage_panel(tx), 3):.3f} s wall, "
          f"{cpu(lambda: lifecycle.stage_panel(tx)):.3f} s CPU")
    print(f"classify_stages on that panel:                              "
          f"{timed(lambda: lifecycle.classify_stages(panel), 3):.3f} s wall, "
          f"{cpu(lambda: lifecycle.classify_stages(panel)):.3f} s CPU")


if __name__ == "__main__":
    main()
