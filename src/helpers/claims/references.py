"""How a speaker phrase points back to a party named before: the plan :class:`History` follows.

:func:`reference_plan` reads a phrase once: "he" and "she" point to a person, "they" to a
group, "it" to an organisation, "the think tank" and "the miner" to a party described so,
"the judge" and "the cardiologist" to the person who holds that title or role, "the
broadcaster" to an outlet, anything else to a surname or acronym named in full before
("Ms. Rivera", "FEMA"). :func:`name_ending` finds "Bristol Airport" for "the airport".

>>> reference_plan("the think tank"), reference_plan("the hydrologist")
(('reference', 'think tank'), ('titled', 'hydrologist'))
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers import vocabulary as v
from helpers.claims import cues as c
from helpers.claims.institutions import institution_type
from helpers.claims.names import canonical_form
from helpers.claims.titles import is_title, role_word

# "the miner", "the drugmaker": a kind of business, charity or institute named before by name
# (public bodies are left out: an article often has several ministries, armies and forces)
KIND_REFERENCE = re.compile(r"(?i:the|this) ([a-z][\w-]*+)")
REFERRING_TYPES = frozenset({v.COMPANY, v.CIVIL_SOCIETY, v.EXPERT})
BUSINESS_TYPES = frozenset({v.COMPANY, v.CIVIL_SOCIETY})  # "the miner" is a company, not a person
# Sports clubs called by their kind: "Wrexley Rovers have sold ..., the club said"
TEAM_HEADS = frozenset({"club", "team", "side", "franchise"})
# "the judge", "the coach", "the comptroller": a title that points back to its holder
TITLE_REFERENCE = re.compile(r"the ([a-z]+)")
HONORIFICS = frozenset({"mr", "mrs", "ms", "mx", "miss", "sir", "dame", "lord", "lady", "hon"})


@lru_cache(maxsize=256)
def name_ending(title: str) -> re.Pattern[str]:
    """A name of one to four capitalised words (with "of", "for", "the", "and") ending with
    ``title``: "Bristol Airport", "Royal Infirmary of Edinburgh" is not one (it ends otherwise)."""
    return re.compile(
        rf"(?<![\w'-])(?:[A-Z][\w'&.-]*+\s(?:(?:of|for|the|and|&)\s)?){{1,4}}{re.escape(title)}\b"
    )


@lru_cache(maxsize=8192)
def reference_plan(phrase: str) -> tuple[str, str]:
    """How a phrase points back, worked out once per phrase: ("person", "") for "he",
    ("reference", "think tank") for "the think tank", ("alias", "Rivera") for "Ms. Rivera"."""
    lowered = phrase.lower()
    if lowered in {"he", "she", "him", "her"}:
        return "person", ""
    if lowered in {"they", "them", "their"}:
        return "they", ""
    if lowered in {"it", "its"}:
        return "it", ""
    if lowered == "who":
        return "who", ""
    if c.GENERIC_GROUP.match(phrase) or c.GROUP_MEMBER.match(phrase):
        return "officials", ""
    if c.GENERIC_PERSON.match(phrase):
        return "role", ""
    titled = TITLE_REFERENCE.fullmatch(lowered)
    if titled and is_title(titled[1]) and titled[1] not in HONORIFICS:
        return "titled", titled[1]  # "the judge" after "Judge Harriet Ngata jailed ..."
    outlet = c.GENERIC_OUTLET.match(phrase)
    if outlet:
        return "outlet", outlet.group("medium").lower()
    reference = c.GENERIC_REFERENCE.match(phrase)
    if reference:
        return "reference", reference.group("head").lower()
    kind_word = KIND_REFERENCE.fullmatch(phrase)  # "the miner", "the drugmaker", "the brewer"
    kind = institution_type(kind_word[1]) if kind_word else ""
    if titled and role_word(titled[1]) and kind not in BUSINESS_TYPES:
        return "titled", titled[1]  # "the cardiologist" after "Dr. Olu Adeyemi, a cardiologist"
    if kind_word and kind_word[1].lower() in TEAM_HEADS:
        return "reference", kind_word[1].lower()  # "the club" after "Wrexley Rovers"
    if kind in REFERRING_TYPES:
        return "reference", kind_word[1].lower() if kind_word else ""
    return "alias", canonical_form(phrase)
