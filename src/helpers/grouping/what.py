"""What a figure counts (its ``what``), and the one axis its values may be drawn on.

A count is named by its counted noun in the plural, with persons in general folded into
"people" ("4.5 million residents" are people; customers, homes, jobs, protesters stay
themselves); a measure by its physical family (distance, area, weight ...), so that miles and
kilometres, acres and hectares meet under one name; money by its currency ("dollars"); a
percentage is "percent". The names come from ``data/what.yml`` and plurals from ``inflect``.

>>> what_of("count", "resident", "resident"), what_of("area", "acre", "km2")
(('people', ''), ('area', ''))
>>> what_of("count", "death", "death")
('people', 'killed')
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

import pandas as pd

from helpers.grouping.lexicon import Family, what_lexicon
from helpers.io import require_columns

TIME_KINDS = frozenset({"duration", "date", "time", "year"})  # kinds that say when or how long
COUNT_KINDS = frozenset({"count", ""})  # a figure with no kind is read as a count
AGE_SUFFIX = " of age"  # the extractor's unit for ages: "year of age", "month of age"
PEOPLE = "people"
PLACES = "places"
MONEY = "money"
FAHRENHEIT = "fahrenheit"
POSSESSIVE = re.compile(r"['’]s?$")  # the "'s" of "one company's" (a noun as written)
PANEL_COLUMNS = ("kind", "what", "unit_normalized", "si_unit", "value", "low", "high", "si_value")


@lru_cache(maxsize=1)
def _inflect_engine():
    """inflect's engine, made on first use.

    inflect wraps its methods in typeguard's ``@typechecked``, which at import parses and
    recompiles the module to add run-time type checks: 2.5 s of CPU in every process that
    first names a plural (each worker of the pass, and a 10-article incremental run, which
    works in the calling process). The checks only raise on arguments of the wrong type,
    which this module never passes (a ``str``), so inflect is imported with the decorator
    left out (what ``python -O`` does): 0.15 s, the same plurals.
    """
    if "inflect" not in sys.modules:
        import typeguard

        checked = typeguard.typechecked
        typeguard.typechecked = _unchecked
        try:
            import inflect  # noqa: F401 - imported here with the decorator left out
        finally:
            typeguard.typechecked = checked
    return sys.modules["inflect"].engine()


def _unchecked(target=None, **_options):
    """``typeguard.typechecked`` that leaves its target as it is (see _inflect_engine)."""
    return target if target is not None else _unchecked


@lru_cache(maxsize=65536)
def plural(noun: str) -> str:
    """The plural a group names a counted noun by: "truck" -> "trucks", "A320" -> "A320s",
    "police" -> "police"; lower case unless the noun is an acronym or holds a digit.

    >>> plural("truck"), plural("A320"), plural("person"), plural("pound sterling")
    ('trucks', 'A320s', 'people', 'pounds sterling')
    """
    noun = POSSESSIVE.sub("", " ".join(noun.split()))
    if not noun:
        return ""
    lexicon = what_lexicon()
    key = noun.lower()
    if key in lexicon.plurals:
        return lexicon.plurals[key]
    if any(c.isdigit() for c in noun) or (noun.isupper() and len(noun) > 1):
        return noun if noun.endswith(("s", "S")) else noun + "s"
    if key.split()[-1] in lexicon.invariant or key in lexicon.people:
        return PEOPLE if key in ("person", "persons") else key
    return _inflect_engine().plural_noun(key) or key


def count_what(noun: str) -> tuple[str, str]:
    """``(what, happened)`` of a count of ``noun`` (as the extractor wrote it, singular):
    ``happened`` is set only when the noun itself says it ("deaths": people killed)."""
    lexicon = what_lexicon()
    noun = POSSESSIVE.sub("", " ".join(noun.split()))
    if not noun:
        return lexicon.no_noun, ""
    key = noun.lower()
    if key in lexicon.implies:
        return lexicon.implies[key]
    if key in lexicon.people or lexicon.demonym.match(noun):
        return PEOPLE, ""
    if key in lexicon.same:
        return lexicon.same[key], ""
    return plural(noun), ""


def _family(si_unit: str, unit_normalized: str) -> Family | None:
    lexicon = what_lexicon()
    if unit_normalized.endswith(AGE_SUFFIX):
        return lexicon.age
    return lexicon.families.get(si_unit)


@lru_cache(maxsize=65536)  # a corpus names few units: each is worked out once per process
def what_of(kind: str, unit_normalized: str, si_unit: str) -> tuple[str, str]:
    """``(what, happened)`` of a figure from its kind, unit and si_unit (columns of figures.csv);
    ``happened`` is "" unless the counted noun says it."""
    kind, unit_normalized, si_unit = kind.strip(), unit_normalized.strip(), si_unit.strip()
    if kind in COUNT_KINDS:
        return count_what(unit_normalized)
    if kind == MONEY:
        currency = unit_normalized or si_unit
        return (plural(currency) if currency else MONEY), ""
    family = _family(si_unit, unit_normalized)
    if family is not None:
        return family.what, ""
    if kind in TIME_KINDS:
        return kind, ""
    return (plural(unit_normalized) if unit_normalized else kind), ""


def is_time(kind: str, unit_normalized: str) -> bool:
    """True for a figure that says when or how long (a date, a clock time, a duration), which
    takes the group of its sentence's main figure; ages are not."""
    return kind.strip() in TIME_KINDS and not unit_normalized.strip().endswith(AGE_SUFFIX)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def panel_of(kind: str, what: str, unit_normalized: str, si_unit: str) -> tuple[str, str]:
    """``(panel, unit)``: the axis a figure may share and the unit its values are drawn in.

    Counts of persons share the panel "people" and counts of places the panel "places"; any
    other count is drawn on the axis of what it counts; a measure on its family's axis in one
    unit ("distance (km)"); money per currency ("money (dollars)").
    """
    lexicon = what_lexicon()
    noun = unit_normalized.strip().lower()
    if kind in COUNT_KINDS:
        if what == PEOPLE or noun in lexicon.persons or lexicon.demonym.match(unit_normalized):
            return PEOPLE, PEOPLE
        if noun in lexicon.places:
            return PLACES, PLACES
        return what, what
    if kind == MONEY:
        return f"{MONEY} ({what})", what
    family = _family(si_unit, unit_normalized)
    if family is not None:
        plain = family.unit in (family.what, "%")
        return (family.what if plain else f"{family.what} ({family.unit})"), family.unit
    return what, what


def panel_values(frame: pd.DataFrame) -> pd.DataFrame:
    """Per row of ``frame`` (figures with ``what``): ``panel``, ``panel_unit`` and ``value``,
    ``low``, ``high`` in that unit (measures converted with the extractor's si_value; counts,
    money and percentages as written)."""
    require_columns(frame, PANEL_COLUMNS, "panel_values: figures")
    rows = []
    for kind, what, unit, si_unit, value, low, high, si_value in frame.loc[
        :, list(PANEL_COLUMNS)
    ].itertuples(index=False):
        kind, what, unit, si_unit = map(_text, (kind, what, unit, si_unit))
        panel, panel_unit = panel_of(kind, what, unit, si_unit)
        family = None if kind in COUNT_KINDS or kind == MONEY else _family(si_unit, unit)
        converted = _convert(family, unit, float(value), float(low), float(high), float(si_value))
        rows.append((panel, panel_unit, *converted))
    columns = ["panel", "panel_unit", "value", "low", "high"]
    return pd.DataFrame(rows, columns=columns, index=frame.index)


def _convert(
    family: Family | None, unit: str, value: float, low: float, high: float, si_value: float
) -> tuple[float, float, float]:
    if family is None:
        return value, low, high
    if unit == FAHRENHEIT:  # the one unit that is not a multiple of its si unit
        return tuple((x - 32) * 5 / 9 * family.factor for x in (value, low, high))
    ratio = si_value / value if value else 1.0
    return tuple(x * ratio * family.factor for x in (value, low, high))
