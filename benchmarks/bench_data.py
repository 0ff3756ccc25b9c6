"""Reading and validating transactions: a million rows should take about a second or less."""
from __future__ import annotations

import io

from helpers import data
from timing import million_transactions, timed


def main():
    tx = million_transactions()
    print(f"validate_transactions, 1,000,000 rows (dates already datetime): {timed(lambda: data.validate_transactions(tx)):.3f} s")
    as_text = tx.assign(date=tx["date"].dt.strftime("%Y-%m-%d"))
    print(f"validate_transactions, 1,000,000 rows (dates as text):        {timed(lambda: data.validate_transactions(as_text), 3):.3f} s")
    csv = as_text.to_csv(index=False).encode("gb18030")
    print(f"read_transactions, 1,000,000-row GB18030 CSV ({len(csv) / 1e6:.0f} MB):        "
          f"{timed(lambda: data.read_transactions(io.BytesIO(csv)), 3):.3f} s")
    print(f"load_cdnow('master'), 69,659 rows:                              {timed(lambda: data.load_cdnow('master')):.3f} s")


if __name__ == "__main__":
    main()
