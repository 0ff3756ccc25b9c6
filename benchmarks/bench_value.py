"""Customer value on a million transactions: RFM table, segments, the eight classes, ABC classes, Lorenz
curve and Gini.
Target: about a second or less each."""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import value
from timing import timed


def million_transactions(seed=0, n=1_000_000, customers=100_000):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "customer_id": rng.integers(0, customers, n),
        "date": pd.Timestamp("2011-08-16") + pd.to_timedelta(rng.integers(0, 1600, n), unit="D"),
        "amount": rng.gamma(2.0, 400.0, n).round(2),
    })


def main():
    tx = million_transactions()
    print(f"rfm_table, 1,000,000 transactions, 100,000 customers: {timed(lambda: value.rfm_table(tx), 3):.3f} s")
    rfm = value.rfm_table(tx)
    print(f"rfm_segments + segment_summary, 100,000 customers:    "
          f"{timed(lambda: value.segment_summary(value.rfm_segments(rfm)), 3):.3f} s")
    print(f"rfm_eight_classes + eight_class_summary, 100,000:     "
          f"{timed(lambda: value.eight_class_summary(value.rfm_eight_classes(rfm)), 3):.3f} s")
    amounts = tx["amount"]
    print(f"abc_classes, 1,000,000 values:                        {timed(lambda: value.abc_classes(amounts), 3):.3f} s")
    print(f"lorenz_curve, 1,000,000 values:                       {timed(lambda: value.lorenz_curve(amounts), 3):.3f} s")
    print(f"gini, 1,000,000 values:                               {timed(lambda: value.gini(amounts), 3):.3f} s")


if __name__ == "__main__":
    main()
