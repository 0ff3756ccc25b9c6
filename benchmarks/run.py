"""Speed of the course where people wait. Runs every ``benchmarks/bench_*.py`` (its ``main()``)
and prints what it measures; nothing here asserts a time. Run with ``make bench``."""
import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names=()):
    sys.path[:0] = [str(HERE), str(HERE.parent)]
    for path in sorted(HERE.glob("bench_*.py")):
        if names and path.stem.removeprefix("bench_") not in names:
            continue
        print(f"== {path.stem.removeprefix('bench_')}", flush=True)
        importlib.import_module(path.stem).main()


if __name__ == "__main__":
    main(sys.argv[1:])
