"""Typography normalisation by str.translate: the text and the offset map back to the raw text,
on text written for this test (curly quotes, dashes, odd spaces, ellipses, invisible
characters)."""

from __future__ import annotations

from helpers.clean import clean_article
from helpers.clean.rules import boilerplate_rule
from helpers.clean.text import TYPOGRAPHY, normalise, normalise_typography, typography_offsets

RAW = (
    "\ufeffFlood waters rise in Millbrook\n"
    "\n"
    "The river rose 2.5\u00a0metres \u2013 \u201cthe highest since 1998\u201d \u2014 the "
    "mayor\u2019s office said\u2026 Some 1,200\u202fresidents left their ho\u00admes.\n"
    "Advertisement\n"
    "Officials said the water would fall by Friday\u200b.\n"
)


def test_the_clean_text_straightens_typography_and_drops_invisible_characters():
    text, offsets = normalise_typography("\u201cNo\u201d \u2013 it\u2019s\u00a0done\u2026\u200b!")
    assert text == '"No" - it\'s done...!'
    assert offsets == [*range(16), 16, 16, 16, 18]  # "…" gives three, the zero-width none
    assert normalise("plain text stays the same") == "plain text stays the same"


def test_every_clean_character_maps_back_to_the_raw_character_it_came_from():
    art = clean_article(RAW)
    assert "Advertisement" not in art.clean_text
    assert '"the highest since 1998" - the mayor\'s office said...' in art.clean_text
    assert "homes" in art.clean_text and "water would fall by Friday." in art.clean_text
    assert len(art.offsets) == len(art.clean_text)
    for i, char in enumerate(art.clean_text):
        raw = RAW[art.offsets[i]]
        if char != "\n":
            assert TYPOGRAPHY.get(raw, raw) in (char, "..."), (i, char, raw)


def test_offsets_of_a_line_start_where_the_line_starts():
    line = "\u2018Quiet\u2019 night\u2026 then \u00adsirens"
    assert typography_offsets(line, 100) == [100 + o for o in normalise_typography(line)[1]]


def test_the_quick_pre_test_of_the_rules_keeps_their_answers():
    assert boilerplate_rule("Advertisement") == "continue-reading"
    assert boilerplate_rule("(c) 2024 Millbrook Gazette. All rights reserved.") == "copyright-line"
    assert boilerplate_rule("We use cookies to improve your experience.") == "cookie-banner"
    assert boilerplate_rule("Transfer to IBAN UA21 3223 1300 0002 6007 2335 6600 1") == (
        "donation-appeal"
    )
    assert boilerplate_rule("The council said 40 homes were flooded.") is None
