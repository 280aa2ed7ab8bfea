"""The topic and event of a figure (to move to helpers.grouping)."""

from __future__ import annotations

import re

from helpers.figures import Figure

# Unit words per topic: "drones", "UAVs", "missiles", "shells", "F-16s" ...
UNIT_TOPICS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:drone|uav|unmanned aerial (?:vehicle|system)|shahed)", re.I), "drones"),
    (re.compile(r"^(?:\w+ )?(?:missile|rocket)", re.I), "missiles"),
    (re.compile(r"^(?:weapon|shell|round|jet|fighter|f-16|tank|artillery|howitzer|ammunition|"
                r"aircraft|helicopter|gun)", re.I), "other weapons"),
)  # fmt: skip
# Sentence words per topic, tried in this order when the unit does not decide
CONTEXT_TOPICS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:killed|dead|died|deaths?|wounded|injured|casualties)\b", re.I),
     "casualties"),
    (re.compile(r"\b(?:drones?|UAVs?|unmanned aerial|Shaheds?)\b", re.I), "drones"),
    (re.compile(r"\b(?:missiles?|rockets?)\b", re.I), "missiles"),
    (re.compile(r"\b(?:NASAMS|air[- ]defen[cs]e|anti-aircraft|Patriot|IRIS-T)\b", re.I),
     "air defence"),
    (re.compile(r"\b(?:weapons?|shells?|F-16s?|tanks?|artillery|ammunition|launchers?)\b", re.I),
     "other weapons"),
    (re.compile(r"\b(?:sanction\w*|\$|dollars?|euros?|budget|funds?|aid package)\b", re.I),
     "sanctions/money"),
)  # fmt: skip
# Air-defence hardware counted by generic nouns: "two of the systems", "two more launchers"
AIR_DEFENCE_UNITS = re.compile(r"^(?:system|launcher|battery|batteries|interceptor)", re.I)
AIR_DEFENCE_CONTEXT = CONTEXT_TOPICS[3][0]
# People left without electricity: "are without power", "depriving millions ... of power"
POWER_CONTEXT = re.compile(
    r"\b(?:without (?:power|electricity)|of (?:power|electricity)|power outages?|blackouts?|"
    r"lost power|no power)\b",
    re.IGNORECASE,
)
RANGE_CONTEXT = re.compile(r"\brange\b", re.IGNORECASE)
# Verbs and nouns that name what happened to a counted weapon, nearest to the figure wins
EVENT_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:shot down|shoot down|shooting down|downed|intercept\w*|destroyed)\b",
                re.I), "shot down/intercepted"),
    (re.compile(r"\b(?:sen[dt]|sending|suppl\w+|provid\w+|deliver\w*|transferr?\w*|shipments?|"
                r"receiv\w+|bought|purchas\w+|export\w*|sold|sell\w*|acquir\w+)\b", re.I),
     "supplied"),
    (re.compile(r"\b(?:launch\w*|fir(?:ed|ing|es)|use[ds]?|using|strik\w+|struck|attack\w*)\b",
                re.I), "launched/used"),
)  # fmt: skip
# The noun a bare number counts: "two of the systems" -> systems, "two more launchers"
COUNTED_NOUN = re.compile(
    r"^\s+(?:of\s+(?:the|these|those)\s+)?(?:(?:more|other|additional|new)\s+)?"
    r"(?P<noun>(?!them\b|which\b)[A-Za-z][\w-]*)"
)
WEAPON_TOPICS = frozenset({"drones", "missiles", "other weapons", "air defence"})
TIME_KINDS = frozenset({"duration", "date", "time", "year"})


def _topic_of(figure: Figure, sentence: str, context: str, after: str) -> str:
    """Pick the topic from the unit, else the counted noun after the figure, else the sentence.

    ``context`` is the sentence with the one before it (air-defence hardware is often named
    there); ``after`` is the text following the figure in its sentence.
    """
    unit = (figure.unit_normalized or figure.unit or "").strip()
    if not unit:
        noun = COUNTED_NOUN.match(after)
        unit = noun.group("noun") if noun else ""
    if figure.kind in TIME_KINDS:
        return "other"
    if figure.kind == "length" and RANGE_CONTEXT.search(sentence):
        return "range"
    if POWER_CONTEXT.search(sentence) and figure.kind == "count":
        return "power outage"
    for pattern, topic in UNIT_TOPICS:
        if unit and pattern.search(unit):
            return topic
    if unit and AIR_DEFENCE_UNITS.search(unit) and AIR_DEFENCE_CONTEXT.search(context):
        return "air defence"
    if figure.kind == "money":
        return "sanctions/money"
    if figure.kind == "count":
        for pattern, topic in CONTEXT_TOPICS:
            if pattern.search(sentence):
                return topic
    return "other"


def _event_of(topic: str, figure: Figure, sentence: str, offset: int) -> str:
    """Name what happened: from the topic, else the event word nearest before the figure."""
    if topic == "power outage":
        return "without power"
    if topic == "range":
        return "range"
    if topic not in WEAPON_TOPICS or figure.kind in TIME_KINDS:
        return "other"
    # the figure's own words count as "before": "shot down at least 10" may include "down"
    before, after = (
        sentence[: offset + len(figure.surface)],
        sentence[offset + len(figure.surface) :],
    )
    best: tuple[int, str] | None = None
    for pattern, event in EVENT_WORDS:
        for match in pattern.finditer(before):
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, event)
    if best is not None:
        return best[1]
    for pattern, event in EVENT_WORDS:
        match = pattern.search(after)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), event)
    return best[1] if best else "other"
