"""The shortcuts of ``helpers.figures.plain`` read the two commonest shapes of a figure in digits
("rose 4.5%", "said 131 flights") exactly as the full chain of ``digits.read_digits`` reads
them: every figure of the seed articles, the held-out sentences and sentences written here
around the shapes' edges is the same with the shortcuts and without them."""

import json
import re

import pytest

import helpers.figures.digits as digits
from fixtures import SEED_RAW_DIR, TEST_DATA_DIR
from helpers import native
from helpers.figures import extract_figures
from helpers.figures.plain import read_percent, read_word_after

# Written for this test: each sentence puts one of the shapes next to a rule that could change
# its reading (a longer unit, a range, a rate, a qualifier, a label, an age, a year, a scale).
EDGES = [
    "The airline said 131 flights were cancelled and 12 trains ran late.",
    "Prices rose 4.5% to a record, then fell 2% a year later.",
    "Output rose 5% to 7% in the quarter, or 5 percent to 7 percent by another count.",
    "He ran 26 miles per hour for 3 miles, and she is 40 years old with 2 years-old twins.",
    "The tower is 300 metres tall; the plane flew 900 kilometres an hour for 4 hours.",
    "Children aged 5 years and between 10 children and 20 children came; x-aged 5 kids.",
    "See No 5 trucks, p 12 pages, vol 3 books and the 1990 flights.",
    "Shares gained 12 points, or 3 percent, and 40 workers or more left 6 plants.",
    "They sold 5 million phones, 3 thousand tablets and 2 dozen watches.",
    "The fund lost 8 dollars, 3 euros and 5 pounds on 2 days; 1 flight was late.",
    "It grew 3 times in 5 years, 4 in 10 voters agreed and 20 per week were sent.",
    "Temperatures hit 40 degrees celsius; winds of 90 mph and 3 inches of rain.",
    "Some 12 officers and 30 soldiers, about 7 tons of food and 5 tonnes of rice.",
    "Only 3 x 10 rooms, 5 am starts, 7 pm ends and 12 may apply in 4 june slots.",
    "The index rose 5%pt while 3 houses, 4 buses and 9 crises were counted.",
    "A total of 45 people, 300 staff and 2 children; 6 words-long titles.",
]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEED_RAW_DIR.glob("*.txt"))]
    for path in sorted((TEST_DATA_DIR / "figures_held").glob("held*.json")):
        texts += [g["text"] for g in json.loads(path.read_text(encoding="utf-8"))]
    return texts + EDGES


def _without_shortcuts(monkeypatch, texts):
    monkeypatch.setattr(digits, "read_percent", lambda *args: None)
    monkeypatch.setattr(digits, "read_word_after", lambda *args: None)
    figures = [extract_figures(t) for t in texts]
    monkeypatch.undo()
    return figures


def test_shortcuts_read_what_the_chain_reads(monkeypatch):
    texts = _texts()
    assert len(texts) > 100
    chain = _without_shortcuts(monkeypatch, texts)
    for text, expected in zip(texts, chain, strict=True):
        assert extract_figures(text) == expected, text[:200]


@pytest.mark.skipif(
    native.is_compiled(digits),
    reason="compiled code calls the shortcuts directly; HELPERS_PURE=1 tests them",
)
@pytest.mark.parametrize(
    ("sentence", "surface", "unit"),
    [
        ("The airline said 131 flights were cancelled.", "131 flights", "flights"),
        ("Output rose 5% in the quarter.", "rose 5%", "%"),
        ("The tower is 300 metres tall.", "300 metres", "metres"),
    ],
)
def test_shortcuts_take_their_shapes(monkeypatch, sentence, surface, unit):
    taken = []

    def spy(fn):
        def wrapped(*args):
            result = fn(*args)
            taken.append(result is not None)
            return result

        return wrapped

    monkeypatch.setattr(digits, "read_percent", spy(read_percent))
    monkeypatch.setattr(digits, "read_word_after", spy(read_word_after))
    figures = extract_figures(sentence)
    assert taken == [True]
    assert [(f.surface, f.unit) for f in figures] == [(surface, unit)]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("She is 40 years old.", "years old"),
        ("It ran 26 miles per hour.", "miles per hour"),
        ("It ran 26 miles.", "miles"),
        ("Rates fell 5 per cent.", "per cent"),
    ],
)
def test_the_longest_unit_is_read(sentence, unit):
    # Like the chain's unit pattern, the shortcut reads the longest spelling the text holds.
    digits = re.search(r"\d+", sentence)
    s, e = digits.span()
    reading, end = read_word_after(sentence, s, e, digits.group(), "x")
    assert reading.unit == unit == sentence[e + 1 : end]
    assert extract_figures(sentence)[0].unit == unit
