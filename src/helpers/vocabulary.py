"""The library's own vocabularies: the labels it gives to any news, whatever the study.

A study file may rename these labels (``type_labels``) and add its own through its actors and
type rules; everything else in the library uses the names defined here.
"""

from __future__ import annotations

# Who a figure comes from, for news about anything (issue: "source types for all news").
GOVERNMENT = "government"
MILITARY = "military"
POLICE_EMERGENCY = "police/emergency services"
INTERNATIONAL_ORGANISATION = "international organisation"
CIVIL_SOCIETY = "NGO/civil society"
COMPANY = "company"
EXPERT = "expert"
MEDIA = "media"
DOCUMENT = "document"
ANONYMOUS_OFFICIAL = "anonymous official"
OUTLET_ITSELF = "outlet itself"
OTHER = "other"

SOURCE_TYPES: tuple[str, ...] = (
    GOVERNMENT,
    MILITARY,
    POLICE_EMERGENCY,
    INTERNATIONAL_ORGANISATION,
    CIVIL_SOCIETY,
    COMPANY,
    EXPERT,
    MEDIA,
    DOCUMENT,
    ANONYMOUS_OFFICIAL,
    OUTLET_ITSELF,
    OTHER,
)

# How the source stands to the figure it gives.
STANCES: tuple[str, ...] = ("asserted", "denied", "disputed")

# The kinds of speaker a phrase can name (attribution resolves pronouns by kind).
ACTOR_KINDS: tuple[str, ...] = ("person", "group", "org", "outlet")

# What an outlet is, so that "the broadcaster" finds a broadcaster and not a newspaper.
MEDIA_KINDS: tuple[str, ...] = ("agency", "broadcaster", "newspaper")

# A figure with no topic or event in the study's terms.
NO_TOPIC = "other"
NO_EVENT = "other"
