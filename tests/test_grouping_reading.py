"""The shortcuts of grouping's sentence reading give what the plain definitions give."""

import re

from fixtures import SEED_RAW_DIR
from helpers.grouping.happened import predicate_spans
from helpers.grouping.lexicon import PREDICATES_FILE, predicates
from helpers.grouping.prefixes import prefixes
from helpers.grouping.reading import COMPARISON_BEFORE, PREPOSITION_BEFORE, _ends_with

SENTENCES = [
    "Officials said 2.7 million customers were without power, down from a peak of about "
    "4.5 million on Monday, compared with roughly 300,000 a week earlier.",
    "About 250,000 residents in five counties had been ordered to leave, and in the "
    "north some 12,000 more were told to go.",
    "Turnout was 61 percent versus 58 percent in 2019, vs. 49 percent in the region of "
    "the  \t  capital, where across   the   board 7 polling stations closed.",
    "(down from 40) up from\u00a0the high of 90; the river rose to 4.2 metres at Sandford-on-the 3",
    # a long run of spaces: a match runs back beyond the last 80 characters, and the words
    # there are fewer than a comparison can span (the shortcut must search from the start)
    "Arrivals were down" + " " * 70 + "from a peak of about 9,000 to 1,200.",
]


def test_ends_with_agrees_with_a_search_from_the_start_at_every_offset():
    checked = 0
    for sentence in SENTENCES:
        for end in range(len(sentence) + 1):
            for pattern, words in ((PREPOSITION_BEFORE, 2), (COMPARISON_BEFORE, 6)):
                expected = pattern.search(sentence, 0, end) is not None
                assert _ends_with(pattern, words, sentence, end) == expected, (sentence, end)
                checked += expected
    assert checked > 10  # the sentences do hold matches


def test_predicate_spans_finds_phrases_whatever_the_case_of_the_first_letter():
    lower = predicate_spans("14 people were killed and 40 injured")
    upper = predicate_spans("14 PEOPLE WERE KILLED AND 40 INJURED")
    assert [s.predicate for s in lower] == [s.predicate for s in upper] == ["killed", "injured"]
    assert [(s.start, s.end) for s in lower] == [(s.start, s.end) for s in upper]
    # a word that only starts with a letter after a digit is not a word start
    assert [s.predicate for s in predicate_spans("a3killed man")] == []
    assert re.search("killed", "a3killed")


def _spans_by_first_letter(sentence: str) -> list[tuple[int, int, str]]:
    """The predicate scan as defined: at each word start, the first phrase of its first
    letter's pattern that matches there; a phrase found is skipped over."""
    by_letter = predicates().by_letter
    spans, pos = [], 0
    for word in re.finditer(r"\b[A-Za-z]", sentence):
        if word.start() < pos:
            continue
        pattern = by_letter.get(word.group().lower())
        match = pattern.match(sentence, word.start()) if pattern is not None else None
        if match is not None:
            pos = match.end()
            spans.append((word.start(), pos, predicates().names[int(match.lastgroup[1:])]))
    return spans


# Text written for these tests: case, letters outside ASCII that match ASCII ones
# case-insensitively (dotted capital I, long s, kelvin sign), words cut by the sentence's end,
# phrases that run across a figure, and words that start no phrase at all.
TRICKY = [
    "Three FIREFIGHTERS Were Hurt And 2 Died; the Storm Left 40,000 Homes In The Dark.",
    "KİLLED, ſtranded and \u212aILLED: the long s and the kelvin sign fold to ASCII letters.",
    "Crews were forcing about 22,000 residents to leave as 300 more were pulled from the",
    "Prices rose 4 percent and fell back, up",
    "kil ki k in in the dar in the dark",
    "The the said said people were evacuated; the evacuation of 9 towns was ordered.",
    "Ünder 12 were injured ſo far, and 5 dead",
]


def test_predicate_spans_are_the_spans_of_the_first_letter_scan():
    sentences = TRICKY + SENTENCES
    sentences += [s for t in seed_texts() for s in re.split(r"(?<=[.!?])\s+", t)]
    found = 0
    for sentence in sentences:
        spans = [(s.start, s.end, s.predicate) for s in predicate_spans(sentence)]
        assert spans == _spans_by_first_letter(sentence), sentence
        found += len(spans)
    assert found > 100


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEED_RAW_DIR.glob("*.txt"))]


def test_prefixes_read_off_patterns():
    assert prefixes("kill(?:ed|s|ing)?") == {"kil"}
    assert prefixes("t(?:ake|akes|ook|aking) part") == {"tak", "too"}
    assert prefixes("(?:maximum |max )?range") == {"max", "ran"}
    assert prefixes("[Bb]oil[- ]water", 5) == {"boil-", "boil "}
    assert prefixes("up", 3) == {"up"}  # shorter: the match may end there
    assert prefixes("a(?:\\w+ ){0,3}b") == {"a", "ab"}  # "a" then any character, or "ab"
    assert prefixes("\\w+ dead") is None and prefixes("(?<=x)y.") == {"y"}
    assert prefixes("\u212aelvin") is None  # the kelvin sign matches "k" too


def test_every_match_of_a_lexicon_phrase_starts_with_one_of_its_prefixes():
    text = " ".join([*TRICKY, *SENTENCES, *seed_texts()]).lower()
    checked = 0
    for phrase in predicate_phrases():
        begins = prefixes(phrase)
        for match in re.finditer(rf"\b(?:{phrase})\b", text, re.IGNORECASE):
            if match.group()[:3].isascii():  # a word that is not tries every phrase
                assert begins is None or any(match.group().startswith(b) for b in begins)
                checked += 1
    assert checked > 100


def predicate_phrases() -> list[str]:
    from importlib import resources

    import yaml

    text = resources.files("helpers").joinpath(PREDICATES_FILE).read_text(encoding="utf-8")
    return [str(p) for listed in yaml.safe_load(text)["predicates"].values() for p in listed]
