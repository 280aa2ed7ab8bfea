"""Tests for helpers.figures on real sentences from the seed articles (data/raw) and a few
NewsQuant-style sentences written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures import SEED_RAW_DIR as RAW_DIR
from helpers.figures import FIGURE_COLUMNS, Figure, extract_figures, figures_table


def one(text: str) -> Figure:
    figs = extract_figures(text)
    assert len(figs) == 1, [f.surface for f in figs]
    return figs[0]


def values(text: str) -> list[float]:
    return [f.value for f in extract_figures(text)]


# --- counts, scale words, qualifiers (seed 000) -----------------------------------------------


def test_scale_word_and_more_than():
    text = (
        "Already, more than 4.5 million residents are without power across Kyiv and six "
        "other regions because of Russian strikes, Zelensky said in his nightly address Sunday."
    )
    a, b = extract_figures(text)
    assert (a.surface, a.value, a.change, a.qualifier) == (
        "more than 4.5 million residents",
        4.5e6,
        ">",
        "more than",
    )
    assert (a.unit, a.unit_normalized, a.kind) == ("residents", "resident", "count")
    assert (b.value, b.unit, b.unit_normalized) == (6, "regions", "region")


def test_approximately_skips_adjectives_to_counted_noun():
    f = one(
        "Some background: Iran is preparing to send approximately 1,000 additional weapons, "
        "including missiles and more attack drones, to Russia"
    )
    assert (f.value, f.change, f.unit_normalized) == (1000, "~", "weapon")


def test_counted_noun_after_nationality_and_about():
    f = one(
        "Ukrainian officials said last week that they had shot down more than 300 Iranian drones."
    )
    assert (f.value, f.change, f.unit) == (300, ">", "drones")
    g = one(
        "The last shipment of weapons from Iran to Russia included about 450 drones, officials said"
    )
    assert (g.value, g.change, g.unit_normalized) == (450, "~", "drone")


# --- measures, conversions, vague plurals (seed 001) -----------------------------------------


def test_paired_conversion_counts_twice_with_si():
    text = (
        "Fath-360 close-range ballistic missile system, which has a maximum range of 75 miles "
        "(120 kilometers)."
    )
    miles, km = extract_figures(text)
    assert (miles.surface, miles.unit_normalized, miles.kind) == ("75 miles", "mile", "length")
    assert miles.si_unit == "km" and miles.si_value == pytest.approx(120.7, abs=0.1)
    assert (km.value, km.unit_normalized, km.si_value) == (120, "kilometre", 120)


def test_vague_plural_of_a_measure():
    f = one(
        "which has resulted in the loss of hundreds of square miles of territory in Russia's "
        "Kursk region."
    )
    assert (f.low, f.high, f.is_range, f.is_vague) == (100, 1000, True, True)
    assert (f.unit_normalized, f.kind) == ("square mile", "area")


def test_words_counting_nouns_through_adjectives():
    text = (
        "These sanctions target two high-ranking officers in the Islamic Revolutionary Guard "
        "Corps, as well as four Russian cargo ships."
    )
    assert [(f.value, f.unit) for f in extract_figures(text)] == [(2, "officers"), (4, "ships")]
    f = one("Three Russian military units have been trained in Iran.")
    assert (f.value, f.unit_normalized) == (3, "unit")


def test_hyphenated_duration():
    f = one(
        "one of its most extensive drone attacks on Russian territory in the war's 2.5-year history"
    )
    assert (f.surface, f.value, f.unit_normalized, f.kind) == ("2.5-year", 2.5, "year", "duration")


# --- names, dates, ranges (seed 003) ----------------------------------------------------------


def test_dates_and_durations():
    text = (
        "Vyacheslav Gladkov wrote on the Telegram messaging app on November 7 that the Ukrainian "
        "military had fired more than 60 artillery shells at population centers in the region in "
        "the previous 24 hours."
    )
    assert [(f.value, f.change, f.unit_normalized) for f in extract_figures(text)] == [
        (60, ">", "shell"),
        (24, "=", "hour"),
    ]


def test_year_is_not_a_figure_but_count_is():
    text = (
        "Russian air defense systems had destroyed and intercepted 17 Ukrainian drones over the "
        "Black Sea and Crimea. Russia annexed the peninsula from Ukraine in 2014."
    )
    assert [(f.value, f.unit) for f in extract_figures(text)] == [(17, "drones")]
    assert values("They shot down 2,022 drones.") == [2022]


def test_names_with_numbers_and_counts_in_front_of_them():
    text = (
        "The Dutch Ministry of Defense has announced that the country will provide a total of "
        "12-18 F-16s for use at the new European F-16 training center in Romania."
    )
    f = one(text)
    assert (f.low, f.high, f.is_range, f.unit, f.unit_normalized) == (12, 18, True, "F-16s", "F-16")
    f = one("The Netherlands on November 7 sent the first five F-16 fighter jets to Romania")
    assert (f.value, f.unit) == (5, "jets")
    assert values("Netherlands sends 5 F-16s to Romania") == [5]
    assert (
        values("Japan affirmed that the G7 group's support for Ukraine will not be affected") == []
    )
    assert values("Russians work with Shahed-136 kamikaze drones.") == []
    assert values("the stalemate from World War I.") == []


def test_date_range_is_a_date():
    text = "Foreign ministers from the G7 group met in Tokyo from November 7-8 to discuss issues."
    assert extract_figures(text) == []
    assert values("The NASAMS systems, with a maximum range of 50 km, have been in service") == [50]


# --- vague plurals, "one", page furniture (seeds 000, 002, 004) ------------------------------


def test_vague_plurals_count_nouns():
    f = one("Iran had transferred hundreds of drones to Russia since August.")
    assert (f.low, f.high, f.is_vague, f.unit) == (100, 1000, True, "drones")
    f = one("depriving millions of Ukrainians of power, heat, critical services.")
    assert (f.low, f.high, f.unit) == (1e6, 1e7, "Ukrainians")
    f = one("Mr Hartzer said stamp duty adds tens of thousands of dollars to the price of a home.")
    assert (f.low, f.high, f.unit_normalized) == (1e4, 1e5, "dollar")


def test_at_least_and_one_as_pronoun():
    f = one("Ukrainian military has shot down at least 10 of them in the regions of Kherson.")
    assert (f.value, f.change, f.qualifier) == (10, ">", "at least")
    assert values("It is one of the most extensive attacks. They help one another.") == []
    assert values("No one knows.") == []


def test_page_furniture_clock_times_card_and_postal_numbers():
    assert values("Updated 2:41 a.m. ET, November 8, 2022\n2 Posts\nSort by") == []
    assert values("1:23 a.m. ET, November 7, 2022") == []
    assert values("Privat: 5169 3351 0164 7408 PayPal") == []
    assert values("304 North Cardinal St.\nDorchester Center, MA 02124") == []


# --- money, percentages, changes (sentences written for these tests) -------------------------


def test_money_with_currency_and_rate():
    text = "Brent crude was up 19 cents at US $58.24 per barrel on Monday."
    up, price = extract_figures(text)
    assert (up.value, up.change, up.unit_normalized) == (19, "up", "cent")
    assert (price.value, price.unit_normalized, price.kind) == (58.24, "dollar per barrel", "money")
    assert [(f.value, f.unit_normalized) for f in extract_figures("It costs £5 or €3bn.")] == [
        (5, "pound sterling"),
        (3e9, "euro"),
    ]
    assert one("a bill of 800 million dollars").value == 8e8
    assert one("The retrofit will cost $13.6M next year.").value == 13.6e6


def test_percent_changes():
    assert [
        (f.value, f.change) for f in extract_figures("Shares fell by 5% and the index rose 0.3%.")
    ] == [
        (5, "down"),
        (0.3, "up"),
    ]
    f = one("The bank expects growth of 60 per cent this year.")
    assert (f.unit, f.unit_normalized, f.kind) == ("per cent", "percent", "percent")


def test_ranges_between_and_from_to():
    f = one("Officials expect between 10 and 20 launchers to arrive.")
    assert (f.low, f.high, f.unit) == (10, 20, "launchers")
    f = one("The new battery lifts the range from 252 to 287 miles.")
    assert (f.low, f.high, f.unit_normalized) == (252, 287, "mile")


def test_number_words_and_fractions():
    assert one("The town hired one hundred and fifty nurses.").value == 150
    assert one("The club signed a dozen players.").value == 12
    assert one("A third of the voters stayed home.").value == pytest.approx(1 / 3)
    assert one("The recipe needs 2 1/2 cups of flour.").value == 2.5
    assert one("The company bought 25k tonnes of grain.").value == 25000


def test_ordinals_and_scores_are_not_figures():
    assert values("It was the 22nd amendment and his first term.") == []
    assert values("Bristol came from behind to beat Charlton 2-1 at home.") == []


def test_bad_input():
    assert extract_figures("") == []
    with pytest.raises(TypeError, match="str"):
        extract_figures(None)  # type: ignore[arg-type]


# --- properties --------------------------------------------------------------------------------

NUMBERISH = st.lists(
    st.sampled_from(list("0123456789,.-/ $%£€~<>()½") + ["one ", "two ", "million ", "k", "bn"]),
    max_size=40,
).map("".join)
WORDISH = st.lists(
    st.sampled_from(
        "a about more than hundreds of drones miles km per cent up to between and from to "
        "F-16 2022 November 7 1:23 a.m. one the half third dozen $ 4.5 12-18 , . \n".split(" ")
    ),
    max_size=25,
).map(" ".join)


def check_invariants(text: str) -> None:
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.surface
        assert f.low <= f.value <= f.high


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_arbitrary_unicode(text):
    check_invariants(text)


@settings(max_examples=150, deadline=None)
@given(NUMBERISH)
def test_never_raises_on_digit_and_punctuation_heavy_text(text):
    check_invariants(text)


@settings(max_examples=150, deadline=None)
@given(WORDISH)
def test_invariants_on_figure_like_word_soup(text):
    check_invariants(text)


# --- CLI and figures_table ---------------------------------------------------------------------


def test_cli_prints_json_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Iran sent about 450 drones and 75 miles (120 kilometers).", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "helpers.figures", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(r["value"], r["unit"], r["file"]) for r in rows] == [
        (450, "drones", str(path)),
        (75, "miles", str(path)),
        (120, "kilometers", str(path)),
    ]
    bad = subprocess.run(
        [sys.executable, "-m", "helpers.figures", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "cannot read" in bad.stderr


def test_figures_table_offsets_into_article_text():
    raw = (RAW_DIR / "003_165e4b519f61ba16.txt").read_text(encoding="utf-8")
    s1 = (
        "The Netherlands on November 7 sent the first five F-16 fighter jets to Romania for use "
        "in training Ukrainian pilots, according to Reuters."
    )
    s2 = (
        "The Dutch Ministry of Defense has announced that the country will provide a total of "
        "12-18 F-16s for use at the new European F-16 training center in Romania, which will be "
        "opened soon."
    )
    assert s1 in raw and s2 in raw
    article = s1 + "\n" + s2
    frame = pd.DataFrame(
        {
            "article_id": ["003_165e4b519f61ba16"] * 2,
            "post": [1, 1],
            "sentence_id": [2, 1],  # out of order on purpose: rows come back sorted by start
            "start": [len(s1) + 1, 0],
            "end": [len(article), len(s1)],
            "text": [s2, s1],
        }
    )
    table = figures_table(frame)
    assert list(table.columns) == FIGURE_COLUMNS
    assert list(table["surface"]) == ["five F-16 fighter jets", "12-18 F-16s"]
    for row in table.itertuples():
        assert article[row.start : row.end] == row.surface
    assert list(table["sentence_text"]) == [s1, s2]
    assert figures_table(frame.iloc[0:0]).empty


def test_seed_files_have_no_furniture_figures():
    text = (RAW_DIR / "000_66b62aea542f96ee.txt").read_text(encoding="utf-8")
    surfaces = [f.surface for f in extract_figures(text)]
    assert "more than 4.5 million residents" in surfaces
    assert not any(s.startswith(("2 Posts", "1:2", "2022")) for s in surfaces)


def test_raw_dir_exists():
    assert Path(RAW_DIR).is_dir()
