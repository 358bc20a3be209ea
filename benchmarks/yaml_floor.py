#!/usr/bin/env python3
"""The floor of a cold `brief check`: plain `yaml.load(f, Loader=yaml.CSafeLoader)` over the same files, in one
process (called by `benchmarks/run.py`, which times the whole process).

    python benchmarks/yaml_floor.py BRIEFS_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    with path.open("rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
