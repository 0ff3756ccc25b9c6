"""Markov chains: estimating a transition matrix from a one-million-row stage panel, and
simulating a large cohort. Target: about a second or less each."""
import numpy as np
import pandas as pd

from helpers import markov
from timing import timed


def panel(customers=20_000, months=50, seed=0):
    """A stage panel of customers x months rows, simulated from the example chain."""
    paths = markov.simulate_cohort(markov.EXAMPLE_P, "exploration", months - 1, n=customers, seed=seed,
                                   paths=True)
    long = paths.stack().rename("stage").reset_index()
    long.columns = ["customer_id", "period", "stage"]
    long["customer_id"] = "C" + long["customer_id"].astype(str).str.zfill(6)
    long["period"] = pd.Timestamp("2011-08-01") + pd.to_timedelta(long["period"] * 31, unit="D")
    return long.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def main():
    rows = panel()
    seconds = timed(lambda: markov.transition_matrix(rows), repeat=3)
    print(f"transition_matrix on {len(rows):,} panel rows: {seconds:.2f} s")
    seconds = timed(lambda: markov.simulate_cohort(markov.EXAMPLE_P, "exploration", 60, n=100_000, seed=1),
                    repeat=3)
    print(f"simulate_cohort, 100,000 customers x 60 months: {seconds:.2f} s")
    seconds = timed(lambda: markov.intervention_effect(markov.EXAMPLE_P, markov.EXAMPLE_REWARDS, 0.01,
                                                       into_decline=0.3), repeat=20)
    print(f"intervention_effect (the editor's model call): {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
