"""Write a reproducible synthetic news corpus for the scale benchmark (`make bench-scale`).

Each article is about 4 KB of news-like English built from sentence patterns written for this
benchmark: a headline, a byline, a date line and paragraphs with figures of many shapes
("more than 4,500 homes", "between 12 and 18 people", "$3.2 million", "about 40 percent") and
attributions of many shapes ("X said", quotes, "according to", appositives, pronouns). The same
N and seed always give the same bytes; no two articles are the same text.

    python bench/make_corpus.py OUT_DIR --n 20000 [--seed 7] [--start 0]

``--start`` numbers the articles from there, so that a second call adds new articles to a
corpus without rewriting the old ones (the incremental case of the benchmark).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TARGET_BYTES = 4000  # about the size of a news story

TOWNS = (
    "Alder Creek", "Bramford", "Cedar Falls", "Dunmore", "Eastwick", "Fairhaven", "Glenrock",
    "Harlow Bay", "Ironbridge", "Juniper Hills", "Kestrel Point", "Lakeside", "Millbrook",
    "Northgate", "Oakridge", "Pinecrest", "Queensford", "Riverton", "Stonehill", "Thornbury",
)  # fmt: skip
OUTLETS = (
    "Harbor City Ledger", "Valley Public Radio", "Midland Wire", "The Coastal Courier",
    "Northern Star Herald", "Metro Evening News", "Prairie Daily", "Summit Broadcast",
)  # fmt: skip
FIRST = ("Maria", "James", "Aisha", "Tomas", "Li", "Grace", "Omar", "Elena", "Peter", "Nadia")
LAST = ("Lopez", "Okafor", "Brennan", "Sato", "Kowalski", "Haddad", "Fischer", "Moreau", "Reyes")
ROLES = (
    "the county fire chief", "the mayor", "a spokesperson for the utility", "the state governor",
    "the union's president", "the police commissioner", "an economist at Ridgeway University",
    "the director of the regional hospital", "a spokesman for the transit authority",
)  # fmt: skip
GROUPS = (
    "county officials", "the utility", "the state emergency agency", "police", "organisers",
    "the transit authority", "the health department", "the company", "the union",
)  # fmt: skip
DOCUMENTS = (
    "a report by the state auditor", "data from the weather service", "a statement from the "
    "company", "figures released by the health department",
)  # fmt: skip
# (counted noun, what happened to it, magnitude of a typical figure)
EVENTS = (
    ("people", "were evacuated", 5000), ("homes", "were destroyed", 400),
    ("customers", "were left without power", 200000), ("acres", "burned", 30000),
    ("protesters", "marched through the centre", 50000), ("jobs", "will be cut", 1200),
    ("people", "were injured", 60), ("people", "died", 12), ("flights", "were cancelled", 300),
    ("students", "stayed home", 8000), ("votes", "were cast", 90000),
)  # fmt: skip
TOPICS = ("storm", "wildfire", "strike", "flood", "heatwave", "election", "factory closure")
MONTHS = ("March", "June", "October")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens")


def _amount(rng: random.Random, scale: int) -> str:
    """A figure as news writes it, in one of several shapes."""
    value = max(2, int(scale * rng.uniform(0.3, 3.0)))
    shape = rng.randrange(7)
    if shape == 0:
        return f"more than {value:,}"
    if shape == 1:
        return f"about {value:,}"
    if shape == 2:
        return f"between {value:,} and {int(value * 1.4):,}"
    if shape == 3 and value >= 1_000_000:
        return f"{value / 1e6:.1f} million"
    if shape == 4 and value < 11:
        return NUMBER_WORDS[value - 2]
    if shape == 5:
        return f"up to {value:,}"
    return f"{value:,}"


def _speaker(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random, town: str) -> str:
    noun, happened, scale = rng.choice(EVENTS)
    figure = f"{_amount(rng, scale)} {noun}"
    name, role, group = _speaker(rng), rng.choice(ROLES), rng.choice(GROUPS)
    money = f"${rng.uniform(1, 90):.1f} million"
    share = f"{rng.randint(3, 95)} percent"
    shape = rng.randrange(9)
    if shape == 0:
        return f"{name}, {role}, said {figure} {happened} in {town}."
    if shape == 1:
        return f"\u201c{figure.capitalize()} {happened} overnight,\u201d {name} said."
    if shape == 2:
        return f"According to {group}, {figure} {happened} near {town} on Tuesday."
    if shape == 3:
        return f"{rng.choice(DOCUMENTS).capitalize()} found that {figure} {happened}."
    if shape == 4:
        return f"The repairs will cost {money}, {group} said, about {share} more than planned."
    if shape == 5:
        return (
            f"{name} told reporters that {figure} {happened}. She added that {share} had returned."
        )
    if shape == 6:
        return f"In {town}, {figure} {happened}, the highest number in {rng.randint(3, 40)} years."
    if shape == 7:
        return f"Officials said the work would take {rng.randint(2, 14)} days and {money}."
    return f"{group.capitalize()} disputed that count, saying only {figure} {happened}."


def article(index: int, seed: int) -> str:
    """The text of article ``index``: headline, byline, date line, then paragraphs."""
    rng = random.Random(f"{seed}-{index}")
    town, topic = rng.choice(TOWNS), rng.choice(TOPICS)
    lines = [
        f"{topic.capitalize()} in {town}: what the numbers say (report {index})",
        f"By {_speaker(rng)}",
        f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2023, 2025)}",
        "",
    ]
    size = sum(len(line) + 1 for line in lines)
    while size < TARGET_BYTES:
        paragraph = " ".join(_sentence(rng, town) for _ in range(rng.randint(2, 4)))
        lines.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(lines) + "\n"


def write_corpus(out_dir: Path, n: int, seed: int = 7, start: int = 0) -> list[Path]:
    """Write articles ``start`` .. ``start + n - 1`` as ``bench_NNNNNN.txt`` files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(start, start + n):
        path = out_dir / f"bench_{index:06d}.txt"
        path.write_text(article(index, seed), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args(argv)
    paths = write_corpus(args.out_dir, args.n, args.seed, args.start)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {total / 1e6:.1f} MB in {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
