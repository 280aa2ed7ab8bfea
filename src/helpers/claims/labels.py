"""The labels of attribution: source types, stances, the outlet itself, the claim columns."""

from __future__ import annotations

SOURCE_TYPES = (
    "Ukrainian government",
    "Ukrainian military",
    "Russian government",
    "Russian military",
    "Iranian government",
    "US government",
    "UK government",
    "other government",
    "anonymous officials",
    "news outlet",
    "outlet itself",
)
STANCES = ("asserted", "denied", "disputed")
TOPICS = (
    "drones",
    "missiles",
    "other weapons",
    "air defence",
    "power outage",
    "casualties",
    "range",
    "sanctions/money",
    "other",
)
EVENTS = ("supplied", "launched/used", "shot down/intercepted", "without power", "range", "other")
OUTLET_ITSELF = "outlet itself"
CLAIM_COLUMNS = (
    "source",
    "source_canonical",
    "source_type",
    "via",
    "cue",
    "hedges",
    "stance",
    "topic",
    "event",
)
