"""The shortcuts of grouping's sentence reading give what the plain definitions give."""

import re

from helpers.grouping.happened import predicate_spans
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
