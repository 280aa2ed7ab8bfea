"""Tests of helpers.clean on the five seed articles: what is reporting, what is furniture."""

from __future__ import annotations

import pytest

from fixtures import SEED_RAW_DIR
from helpers.clean import (
    boilerplate_rule,
    clean_article,
    is_time_line,
    normalise,
    normalise_typography,
    parse_byline,
    parse_source,
)

SEEDS = {
    "000": "000_66b62aea542f96ee",
    "001": "001_0321a4552254fa38",
    "002": "002_e88ceadba1c3ec69",
    "003": "003_165e4b519f61ba16",
    "004": "004_66b9e44e360c82d3",
}

# Raw line numbers of every line of reporting, found by reading each seed.
REPORTING_LINES = {
    "000": [14, 16, 18, 20, 22, 24, 26, 28, 30, 38, 40, 42, 44, 46, 48, 50],
    "001": list(range(8, 53, 2)),
    "002": list(range(1, 13)),
    "003": [1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 21, 22, 23, 26, 27, 28, 29, 30],
    "004": list(range(3, 18, 2)),
}

# Every other non-blank line, with the rule expected to remove it.
REMOVED_LINES = {
    "000": {
        1: "metadata-headline",  # November 7, 2022 Russia-Ukraine news
        3: "metadata-byline",  # By Kathleen Magramo and Joshua Berlinger, CNN
        5: "metadata-time",  # Updated 2:41 a.m. ET, November 8, 2022
        6: "live-page-controls",  # 2 Posts
        7: "live-page-controls",  # Sort byDropdown arrow
        8: "metadata-time",  # 1:23 a.m. ET, November 7, 2022
        10: "metadata-headline",  # Zelensky claims Russia will use Iranian missiles ...
        12: "metadata-byline",  # From CNN's Mariya Knight
        32: "metadata-time",  # 1:22 a.m. ET, November 7, 2022
        34: "metadata-headline",  # Iran acknowledges providing drones ...
        36: "metadata-byline",  # From CNN's Adam Pourahmadi and Sophie Tanno
        52: "read-full-story",  # Read CNN's full story here.
    },
    "001": {
        1: "address-placeholder",  # Physical Address
        3: "address-placeholder",  # 304 North Cardinal St.
        4: "address-placeholder",  # Dorchester Center, MA 02124
        6: "metadata-headline",  # US and Britain Accuse Iran of Supplying Missiles ...
        54: "metadata-source",  # Source: Associated Press
    },
    "002": {
        13: "donation-appeal",  # Підтримати нас можна через:
        14: "donation-appeal",  # card number, PayPal, [email protected]
        15: "newsletter-prompt",  # Subscribe to our newsletter
        16: "messenger-prompt",  # or on ours Telegram
        17: "thanks-line",  # Thank you!!
        18: "newsletter-prompt",  # You are subscribed to our newsletter
    },
    "003": {
        4: "related-link",  # See also : Ukrainian intelligence chief ...
        5: "metadata-headline",  # President Zelensky calls for unity after signs of rift
        13: "related-link",  # See more : President and commander-in-chief ...
        14: "metadata-headline",  # Ukraine gets more NASAMS missiles
        19: "related-link",  # See more : US buys 6 more NASAMS ...
        20: "metadata-headline",  # Netherlands sends 5 F-16s to Romania
        24: "related-link",  # See also : US Air Force Secretary ...
        25: "metadata-headline",  # G7 support for Ukraine not affected by Hamas-Israel conflict?
        31: "related-link",  # See more : What did Russia and Ukraine say ...
        32: "source-link",  # Source link
        33: "comment-count",  # Comment (0)
    },
    "004": {
        1: "metadata-headline",  # Report: Russia and Iran discussing alliance ...
        22: "author-bio",  # The following two tabs change content below.
        23: "author-bio",  # Paul, 37, is from Scotland ...
        25: "comment-form",  # Leave a Reply
    },
}


def raw_text(key: str) -> str:
    return (SEED_RAW_DIR / f"{SEEDS[key]}.txt").read_text(encoding="utf-8")


def raw_lines(key: str) -> list[str]:
    return raw_text(key).splitlines()


@pytest.fixture(scope="module")
def cleaned():
    return {key: clean_article(raw_text(key)) for key in SEEDS}


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_every_reporting_line_survives_whole(cleaned, key):
    clean_lines = cleaned[key].clean_text.splitlines()
    lines = raw_lines(key)
    for number in REPORTING_LINES[key]:
        assert normalise(lines[number - 1].strip()) in clean_lines, (key, number)


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_clean_text_holds_only_reporting_lines(cleaned, key):
    lines = raw_lines(key)
    expected = [normalise(lines[n - 1].strip()) for n in REPORTING_LINES[key]]
    kept = [line for line in cleaned[key].clean_text.splitlines() if line]
    assert kept == expected


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_each_other_line_is_removed_by_the_expected_rule(cleaned, key):
    removed = {r.line_no: r.rule for r in cleaned[key].removed}
    assert removed == REMOVED_LINES[key]


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_removed_and_kept_lines_cover_every_non_blank_line(cleaned, key):
    lines = raw_lines(key)
    non_blank = {n for n, line in enumerate(lines, start=1) if line.strip()}
    assert non_blank == set(REPORTING_LINES[key]) | set(REMOVED_LINES[key])
    removed_text = {r.line_no: r.text for r in cleaned[key].removed}
    for number, text in removed_text.items():
        assert text == lines[number - 1].strip()


def test_cnn_live_page_has_two_posts_with_their_own_metadata(cleaned):
    art = cleaned["000"]
    assert [p.published_time for p in art.posts] == [
        "1:23 a.m. ET, November 7, 2022",
        "1:22 a.m. ET, November 7, 2022",
    ]
    assert [p.byline for p in art.posts] == ["Mariya Knight", "Adam Pourahmadi and Sophie Tanno"]
    assert art.posts[1].headline == (
        "Iran acknowledges providing drones to Russia before Moscow's invasion of Ukraine"
    )
    first = art.clean_text[art.posts[0].start : art.posts[0].end]
    second = art.clean_text[art.posts[1].start : art.posts[1].end]
    assert first.endswith(
        "since Russia launched its full-scale invasion of Ukraine in late February"
    )
    assert second.startswith("The Iranian government acknowledged for the first time Saturday")
    assert art.clean_text == first + "\n\n" + second
    assert art.title == "November 7, 2022 Russia-Ukraine news"
    assert art.byline == "Kathleen Magramo and Joshua Berlinger, CNN"


def test_round_up_sections_become_posts_with_their_headlines(cleaned):
    art = cleaned["003"]
    assert [p.headline for p in art.posts] == [
        "",
        "President Zelensky calls for unity after signs of rift",
        "Ukraine gets more NASAMS missiles",
        "Netherlands sends 5 F-16s to Romania",
        "G7 support for Ukraine not affected by Hamas-Israel conflict?",
    ]
    second = art.clean_text[art.posts[1].start : art.posts[1].end]
    assert "Ukrainian servicemen fire a Partyzan multiple rocket launcher" in second
    assert art.clean_text[art.posts[0].start :].startswith("Vyacheslav Gladkov, governor")


def test_single_story_is_one_post_headed_by_its_title(cleaned):
    art = cleaned["001"]
    assert len(art.posts) == 1
    assert art.posts[0].headline == art.title
    assert art.title == "US and Britain Accuse Iran of Supplying Missiles to Russia for Ukraine"
    assert art.source == "Associated Press"
    assert cleaned["002"].title == "" and len(cleaned["002"].posts) == 1


def test_typography_is_normalised_with_one_offset_per_character():
    text, offsets = normalise_typography("Ukraine\u2019s \u201cwar\u201d \u2014 a\u00a0b\u2026")
    assert text == 'Ukraine\'s "war" - a b...'
    assert len(offsets) == len(text)
    assert offsets[-3:] == [21, 21, 21]


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_clean_text_has_no_curly_quotes_dashes_or_odd_spaces(cleaned, key):
    for char in "\u2018\u2019\u201c\u201d\u2013\u2014\u00a0":
        assert char not in cleaned[key].clean_text


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_offset_map_points_back_to_the_raw_characters(cleaned, key):
    art, raw = cleaned[key], raw_text(key)
    for line in art.clean_text.split("\n"):
        if not line:
            continue
        start = art.clean_text.index(line)
        raw_start, raw_end = art.raw_span(start, start + len(line))
        assert normalise(raw[raw_start:raw_end]) == line


def test_line_rules_recognise_metadata_but_not_reporting():
    assert parse_byline("By Kathleen Magramo and Joshua Berlinger, CNN") == (
        "Kathleen Magramo and Joshua Berlinger, CNN"
    )
    assert parse_byline("From CNN's Adam Pourahmadi and Sophie Tanno") == (
        "Adam Pourahmadi and Sophie Tanno"
    )
    assert parse_byline("By providing drones, Iran helped Russia.") is None
    assert parse_source("Source: Associated Press") == "Associated Press"
    assert is_time_line("Updated 2:41 a.m. ET, November 8, 2022")
    assert not is_time_line("As of late November 7, there was no information.")
    reporting = "Iranian drones have played a significant role in the conflict since Russia"
    assert boilerplate_rule(reporting) is None
    assert boilerplate_rule("Subscribe to our newsletter") == "newsletter-prompt"
    assert boilerplate_rule("Read more: Iran sends drones") == "related-link"


# --- furniture of real pages (issue 9) and rules by shape, not by word (issue 13) --------------

# Lines of page furniture written after real news sites, each with the rule that must drop it.
FURNITURE = {
    "Skip to main content": "skip-link",
    "Jump to navigation": "skip-link",
    "Continue Reading Below": "continue-reading",
    "Story continues below advertisement": "continue-reading",
    "Article continues after this advertisement": "continue-reading",
    "Advertisement": "continue-reading",
    "Load more": "continue-reading",
    "Rain icon/33º": "weather-widget",
    "Partly cloudy 21°C": "weather-widget",
    "72°F / 58°F": "weather-widget",
    "window.dataLayer = window.dataLayer || [];": "script-residue",
    "function gtag(){dataLayer.push(arguments);}": "script-residue",
    "googletag.cmd.push(function() { googletag.display('ad-top'); });": "script-residue",
    ".share-bar{display:flex;gap:8px}": "script-residue",
    "@media (max-width: 600px) {": "script-residue",
    "});": "script-residue",
    '<div class="ad-slot">': "script-residue",
    "Please enable JavaScript to view the comments.": "script-residue",
    "We use cookies to improve your experience and to show you relevant ads.": "cookie-banner",
    "By continuing to use this site you agree to our use of cookies.": "cookie-banner",
    "Accept all": "cookie-banner",
    "Share this article: Facebook | X | WhatsApp | Copy link": "share-bar",
    "Share Facebook Twitter Email": "share-bar",
    "Tweet": "share-bar",
    "© 2024 Coastline Courier. All rights reserved.": "copyright-line",
    "Copyright 2024 The Valley Times Ltd": "copyright-line",
    "Support us:": "donation-appeal",
    "Donate now!": "donation-appeal",
    "Support our journalism with a gift via PayPal or Patreon": "donation-appeal",
    "PayPal - [email protected]": "donation-appeal",
    "Patreon: patreon.com/harbourwire": "donation-appeal",
    "IBAN UA21 3223 1300 0002 6007 2335 6600 1": "donation-appeal",
    "Write to us at [email protected]": "email-artefact",
}
# Sentences of reporting that mention the same words and must be kept.
REPORTING_SENTENCES = [
    "PayPal said it would freeze 40 accounts linked to the scheme, the regulator said.",
    "The company, which owns PayPal and Venmo, cut 2,500 jobs in January.",
    "Donate blood, officials urged residents, after 30 people were injured in the crash.",
    "Support us, the mayor told 200 volunteers, and the harbour will reopen by May.",
    "Forecasters said temperatures would reach 38°C in the south on Sunday.",
    "The regulator fined the site 3 million euros because it uses cookies without consent.",
    "Shares in the airline fell 12 percent after the strike was announced.",
    "The window of the ferry office was broken, police said, and 3 laptops were taken.",
    "Copyright lawyers said 14 cases were pending before the court.",
    "Read more than 50 pages of the report and you find the figure, the auditor said.",
    "The band released 12 songs, all rights reserved by its label, the company said.",
]


@pytest.mark.parametrize(("line", "rule"), sorted(FURNITURE.items()))
def test_real_page_furniture_is_dropped_by_a_named_rule(line, rule):
    assert boilerplate_rule(line) == rule


@pytest.mark.parametrize("sentence", REPORTING_SENTENCES)
def test_reporting_that_mentions_the_same_words_is_kept(sentence):
    assert boilerplate_rule(sentence) is None
    assert clean_article(f"{sentence}\n").clean_text == sentence


def test_a_skip_link_never_becomes_the_title():
    art = clean_article(
        "Skip to main content\nHarbour reopens after storm\n\n"
        "The harbour reopened on Monday after 3 days, the port authority said.\n"
    )
    assert art.title == "Harbour reopens after storm"
    assert [(r.line_no, r.rule) for r in art.removed] == [
        (1, "skip-link"),
        (2, "metadata-headline"),
    ]
