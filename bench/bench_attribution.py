"""Score attribution on the hand-written development set (tests/data/attribution_dev).

Run from the project root: ``.venv/bin/python bench/bench_attribution.py [--errors]``.

Each line of ``tests/data/attribution_dev/*.jsonl`` is a short passage with the gold source
(as written and canonical), generic source type and stance of each of its figures (see the
README there). Every passage goes through ``helpers.claims.extract_claims`` with no study
(general-news), as raw text; a gold figure is matched to the predicted figure that overlaps
its span most. Source right means the canonical source agrees (case-insensitive); a gold
figure with no predicted figure counts as wrong on every field. The parts are scored apart:
``dev`` was used while the rules were written, ``held`` was written afterwards and not tuned on.
Targets (issue 11): source >= 92%, source type >= 90%, stance >= 95%.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from helpers.claims import extract_claims

DEV_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "attribution_dev"
FIELDS = ("source_canonical", "source_type", "stance")
TARGETS = {"source_canonical": 92.0, "source_type": 90.0, "stance": 95.0}


def locate(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    """The span of the ``occurrence``-th appearance of ``surface`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            raise ValueError(f"{surface!r} occurs fewer than {occurrence} times in {text!r}")
    return start, start + len(surface)


def same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def score(passages: list[dict]) -> tuple[dict[str, int], int, int, list[str]]:
    """Right answers per field, gold figures, matched figures, and the errors as lines."""
    right = dict.fromkeys(FIELDS, 0)
    total = matched = 0
    errors: list[str] = []
    for passage in passages:
        text = passage["text"]
        claims = extract_claims(text)
        for gold in passage["figures"]:
            total += 1
            start, end = locate(text, gold["surface"], gold["occurrence"])
            overlaps = [
                (min(end, c.figure.end) - max(start, c.figure.start), c)
                for c in claims
                if c.figure.start < end and start < c.figure.end
            ]
            if not overlaps:
                errors.append(f"{passage['id']} {gold['surface']!r}: no figure found")
                continue
            matched += 1
            claim = max(overlaps, key=lambda pair: pair[0])[1]
            for field in FIELDS:
                if same(getattr(claim, field), gold[field]):
                    right[field] += 1
                else:
                    errors.append(
                        f"{passage['id']} {gold['surface']!r} {field}: gold {gold[field]!r}, "
                        f"got {getattr(claim, field)!r} (source {claim.source!r})"
                    )
    return right, total, matched, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong answer")
    args = parser.parse_args(argv)
    parts: dict[str, list[dict]] = {}
    for path in sorted(DEV_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                passage = json.loads(line)
                parts.setdefault(passage["part"], []).append(passage)
    print("attribution dev set (tests/data/attribution_dev), extract_claims on raw text:")
    header = ("figures", "matched", "source", "type", "stance")
    print(f"  {'part':6s} " + " ".join(f"{h:>7s}" for h in header))
    for name in sorted(parts, key=lambda p: (p != "dev", p)):
        right, total, matched, errors = score(parts[name])
        pct = {f: 100 * right[f] / total if total else 0.0 for f in FIELDS}
        print(
            f"  {name:6s} {total:7d} {matched:7d} {pct['source_canonical']:6.1f}% "
            f"{pct['source_type']:6.1f}% {pct['stance']:6.1f}%"
        )
        if args.errors:
            for error in errors:
                print(f"    {error}")
    print("  targets: source >= 92%, source type >= 90%, stance >= 95%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
