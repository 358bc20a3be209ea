#!/usr/bin/env python3
"""Make a synthetic corpus for the scale benchmarks: N briefs of P points each, with their seeds.

The text is realistic in kind: Chinese sentences drawn from the real seeds, English sentences built from the
UN's own terms in `briefs/glossary.yaml`, mixed in the proportions of the real briefs; every point has a
verbatim quote that occurs exactly once in its synthetic seed, a third of the points are divergences with two or
three positions, and every brief passes `brief check`. The output is deterministic for given arguments.

    python benchmarks/make_corpus.py OUT --briefs 500 --points 100
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

import yaml

from brief.model import SHARED

ROOT = Path(__file__).resolve().parent.parent
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LEVELS = ("all", "general", "most", "many", "some", "one")
QUANTIFIERS = {"all": "各代表团", "general": "普遍认为", "most": "大多数代表团", "many": "许多代表团",
               "some": "一些代表团", "one": "有代表团"}
HOLDERS = {"all": "All delegations", "general": "Delegations generally", "most": "Most delegations",
           "many": "Many delegations", "some": "Some delegations", "one": "One delegation"}


def chinese_sentences() -> list[str]:
    text = "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))
    sentences = [s.strip() + "。" for s in re.split(r"[。\n]", text) if 12 <= len(s.strip()) <= 90]
    return sentences


def english_terms() -> list[str]:
    glossary = yaml.safe_load((ROOT / "briefs" / "glossary.yaml").read_text(encoding="utf-8"))
    return [term["en"] for term in glossary["terms"]]


class Writer:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.zh = chinese_sentences()
        self.en = english_terms()

    def english(self, words: int = 18) -> str:
        parts = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(self.random.choice(self.en))
        return ("Delegations discussed " + ", ".join(parts[:-1]) + " and " + parts[-1] + ".").replace('"', "'")

    def chinese(self) -> str:
        return self.random.choice(self.zh).replace('"', "“")

    def position(self, level: str, quote: str) -> dict:
        return {"holders": {"en": HOLDERS[level], "zh": QUANTIFIERS[level]}, "support": level,
                "text": {"en": self.english(12), "zh": self.chinese()}, "source": {"quote": quote}}

    def brief(self, index: int, points: int) -> tuple[dict, str]:
        """A brief and its seed text."""
        paragraphs: list[str] = []

        def quote(level: str) -> str:
            sentence = f"{QUANTIFIERS[level]}认为（第{index}-{len(paragraphs)}项）{self.chinese()}"
            paragraphs.append(sentence + self.chinese())
            return sentence

        topics = []
        for t in range(max(1, points // 10)):
            items = []
            for p in range(min(10, points - t * 10)):
                level = self.random.choice(LEVELS)
                point: dict = {"id": f"p{t}-{p}", "key": p == 0, "themes": ["nuclear-disarmament"]}
                if p % 3 == 1:
                    sides = self.random.choice((2, 2, 3))
                    point.update(kind="divergence", issue={"en": self.english(8), "zh": self.chinese()},
                                 positions=[self.position(lv, quote(lv))
                                            for lv in self.random.sample(LEVELS, sides)])
                else:
                    kind = self.random.choice(("consensus", "proposal"))
                    if kind == "consensus" and level not in SHARED:  # part of the room: a view, not shared ground
                        kind = "view"
                    point.update(kind=kind, support=level,
                                 text={"en": self.english(), "zh": self.chinese()}, source={"quote": quote(level)})
                items.append(point)
            topics.append({"id": f"topic-{t}", "title": {"en": self.english(4), "zh": self.chinese()[:12]},
                           "points": items})
        brief = {
            "schema": 1, "id": f"synthetic-{index}",
            # Ten agenda items per document, as in a session's report.
            "document": {"symbol": f"CD/{9000 + index // 10}", "title": {"en": self.english(8), "zh": self.chinese()},
                         "part": {"en": f"Part {index % 10 + 1}", "zh": f"第 {index % 10 + 1} 部分"},
                         "date": f"{1979 + index // 10 % 40}-09-15", "source": f"synthetic-{index}.zh.txt"},
            "forum": {"en": "Conference on Disarmament", "zh": "裁军谈判会议"},
            "agenda_item": {"number": str(index % 7 + 1), "title": {"en": self.english(8), "zh": self.chinese()},
                            "short": {"en": f"Synthetic item {index}", "zh": f"合成项目 {index}"}},
            "meetings": ["2017-06-28", "2017-06-29"],
            "summary": {"en": self.english(40), "zh": self.chinese() + self.chinese()},
            "topics": topics,
        }
        return brief, "\n\n".join(paragraphs) + "\n"


def make(out: Path, briefs: int, points: int, seed: int = 1) -> Path:
    """Write the corpus under `out` (`out/briefs`, `out/seeds`); return the briefs folder."""
    writer = Writer(seed)
    (out / "briefs").mkdir(parents=True, exist_ok=True)
    (out / "seeds").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "briefs" / "glossary.yaml", out / "briefs" / "glossary.yaml")
    for index in range(briefs):
        brief, seed_text = writer.brief(index, points)
        (out / "seeds" / f"synthetic-{index}.zh.txt").write_text(seed_text, encoding="utf-8")
        (out / "briefs" / f"synthetic-{index}.yaml").write_text(
            yaml.dump(brief, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return out / "briefs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--briefs", type=int, default=500)
    parser.add_argument("--points", type=int, default=100)
    args = parser.parse_args()
    make(args.out, args.briefs, args.points)


if __name__ == "__main__":
    main()
