"""Timing helpers and test data shared by the benchmarks."""
import statistics
import time

import numpy as np
import pandas as pd


def timed(fn, repeat=5):
    """Median wall-clock seconds of ``fn()`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def percentiles_ms(fn, repeat=30):
    """(median, p95) in milliseconds of ``fn()`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]


def million_transactions(seed=0, n=1_000_000):
    """A seeded synthetic transaction log: n purchases by 100,000 customers over 1,600 days (RMB)."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "customer_id": rng.integers(0, 100_000, n),
        "date": pd.Timestamp("2011-08-16") + pd.to_timedelta(rng.integers(0, 1600, n), unit="D"),
        "amount": rng.gamma(2.0, 400.0, n).round(2),
    })
