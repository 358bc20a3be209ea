"""Re-make the texts of record in seeds/ from the raw PDF extractions in seeds/raw, with `brief seed`.

Each seed is the command's output for its raw file, with the symbol and date of issue that name the page
furniture to remove (seeds/README.md says what that is). `brief seed` never replaces a file, so each seed is
written into a temporary folder beside seeds/ and then moved over the old one. `tests/test_seeds.py` runs this
and compares byte for byte.

    python scripts/make_seeds.py [RAW_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief.cli import main as brief  # noqa: E402

#: seed -> (raw file, the options of `brief seed` that name its furniture)
SEEDS: dict[str, tuple[str, list[str]]] = {
    "cd-2105.zh.txt": ("001_67af244241f6797e.txt", ["--symbol", "CD/2105", "--date", "2017-09-15"]),
    "cd-2017-wg-nuclear-disarmament.zh.txt": ("002_c23ee0965de2dc26.txt", []),
    "a-68-514.zh.txt": ("003_314fab9d3c05762e.txt", ["--symbol", "A/68/514"]),
}


def main(raw_dir: Path) -> None:
    seeds = ROOT / "seeds"
    with tempfile.TemporaryDirectory(dir=seeds.parent, prefix=".seeds-") as folder:
        for name, (raw_name, options) in SEEDS.items():
            made = Path(folder) / name
            if brief(["--lang", "en", "seed", str(raw_dir / raw_name), *options, "-o", str(made)]) != 0:
                raise SystemExit(f"brief seed failed for {raw_name}")
            os.replace(made, seeds / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seeds" / "raw")
