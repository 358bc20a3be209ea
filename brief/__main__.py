"""`brief` and `python -m brief`: the command line (brief/cli.py), with the garbage collector kept to what a
short-lived process needs.

Importing brief (msgspec, argparse, the model) makes some tens of thousands of objects that live as long as the
process, and a command makes the rest, then ends. Left in view of the collector, those objects are walked by
every full collection that falls during the imports, and once more as the interpreter shuts down: together
about a sixth of a warm `brief export` (README: Performance). So the collector is off while brief is imported,
what the imports made is frozen (`gc.freeze`: kept out of every later collection) before the collector is on
again for the command, and what the command made is frozen as it returns, since nothing of it outlives the
process. Frozen objects are still freed at exit by their reference counts; files are written and closed by
`with` blocks and the standard streams flushed by the interpreter, never by the collector.
"""

from __future__ import annotations

import gc
import sys


def run() -> int:
    """Run the command line (`sys.argv`) and give its exit status."""
    gc.disable()
    try:
        from brief.cli import main
    finally:
        gc.freeze()
        gc.enable()
    status = main()
    gc.freeze()
    return status


if __name__ == "__main__":
    sys.exit(run())
