"""From transactions to stages: stage_panel + classify_stages on a million rows (target: about a
second each, two seconds together)."""
from __future__ import annotations


from helpers import lifecycle
from timing import million_transactions, timed


def main():
    tx = million_transactions()
    panel = lifecycle.stage_panel(tx)
    print(f"stage_panel, 1,000,000 transactions -> {len(panel):,} customer-months: "
          f"{timed(lambda: lifecycle.stage_panel(tx), 3):.3f} s")
    print(f"classify_stages on that panel:                              "
          f"{timed(lambda: lifecycle.classify_stages(panel), 3):.3f} s")


if __name__ == "__main__":
    main()
