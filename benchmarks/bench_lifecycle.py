"""From transactions to stages: stage_panel + classify_stages on a million rows (target: about a
second each, two seconds together). Prints wall-clock time (median of 3) and the process's CPU
time for one run, which is steadier on a shared machine."""
from __future__ import annotations

import time

from helpers import lifecycle
from timing import million_transactions, timed


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
