"""Command line: ``python -m helpers.synth NAME --out DIR`` regenerates one synthetic data set."""
import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

import helpers.synth


def main(argv=None) -> int:
    names = sorted(m.name for m in pkgutil.iter_modules(helpers.synth.__path__) if not m.name.startswith("_"))
    parser = argparse.ArgumentParser(prog="python -m helpers.synth", description=__doc__)
    parser.add_argument("name", choices=names, help="which data set")
    parser.add_argument("--out", required=True, type=Path, help="folder to write the files to")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in importlib.import_module(f"helpers.synth.{args.name}").write(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
