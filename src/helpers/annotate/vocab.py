"""The vocabularies a gold row may use: the guide's fixed lists and the study's labels.

The figure columns have fixed vocabularies (``change``, ``kind``, the bounds of vague plurals),
defined by ``docs/annotation-guide.md``. The attribution columns speak the study's language:
``source_type``, ``topic`` and ``event`` take the labels of the study the corpus is read with
(``studies/<name>/study.yml``), so that gold and machine output can be compared; ``stance`` is
the library's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpers.study import Study, default_study, load_study
from helpers.vocabulary import NO_EVENT, NO_TOPIC, OUTLET_ITSELF, SOURCE_TYPES, STANCES

CHANGES = ("=", "~", ">", "<", "up", "down")
KINDS = (
    "count",
    "length",
    "money",
    "percent",
    "duration",
    "mass",
    "speed",
    "area",
    "energy/power",
    "other",
)
# The fixed bounds of a vague plural, by its first word (section 2.3 of the guide).
VAGUE_BOUNDS = {
    "dozens": (12.0, 100.0),
    "hundreds": (100.0, 1000.0),
    "thousands": (1000.0, 10000.0),
    "millions": (1e6, 1e7),
}


@dataclass(frozen=True)
class Vocabulary:
    """The labels the attribution columns may take, and the study they come from."""

    study: str
    source_types: tuple[str, ...]
    topics: tuple[str, ...]
    events: tuple[str, ...]
    stances: tuple[str, ...] = STANCES
    outlet_itself: str = OUTLET_ITSELF


def vocabulary_for(study: Study) -> Vocabulary:
    """What the machine can say under ``study``, so what the gold may say.

    Source types: the study's own list, the generic types under the study's names for them,
    and the types its actors and rules give. Topics and events: the study's, plus "other".
    """
    types = [*study.source_types, *(study.type_label(t) for t in SOURCE_TYPES)]
    types += [a.source_type for a in study.actors] + [r.source_type for r in study.type_rules]
    return Vocabulary(
        study=study.name,
        source_types=tuple(dict.fromkeys(types)),
        topics=tuple(dict.fromkeys([*study.topics, NO_TOPIC])),
        events=tuple(dict.fromkeys([*study.events, NO_EVENT])),
        outlet_itself=study.type_label(OUTLET_ITSELF),
    )


def load_vocabulary(study: str | Path | None, raw_dir: str | Path) -> Vocabulary:
    """The vocabulary of ``study`` (a name or path), or of the corpus's default study."""
    return vocabulary_for(load_study(study or default_study(raw_dir)))
