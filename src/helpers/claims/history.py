"""The parties an article has named so far, and how a phrase points back to one of them.

:class:`History` remembers speakers per post and the names that open sentences per paragraph,
and resolves a speaker phrase against them: "he", "she", "it", "they", "the think tank", "the
report", "the ministry" point to the most recent fitting party of the same paragraph (a
speaker, or a name that opened a sentence), else to the most recent fitting speaker of the same
post (posts are separated by a blank line), else to the party last named in the post;
"officials", "one senior official", "the broadcaster" to the most recent fitting speaker of
the post; "the airport" to the name of the paragraph ending so ("Bristol Airport"); a surname
("said Ms. Rivera") or an acronym ("FEMA") to the person or organisation named in full
earlier in the article. :func:`make_speaker` makes a new speaker from its phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from helpers import vocabulary as v
from helpers.claims import cues as c
from helpers.claims.actors import canonical_source, find_actor, kind_of, source_type_for
from helpers.claims.documents import document_author, document_head, document_name
from helpers.claims.institutions import institution_type
from helpers.claims.labels import DOCUMENT, GROUP, ORG, OUTLET, PERSON
from helpers.claims.model import Speaker
from helpers.claims.names import (
    acronym_of,
    initials_of,
    person_name,
    short_name,
    surname_of,
    tidy,
)
from helpers.claims.references import TEAM_HEADS, name_ending, reference_plan
from helpers.claims.sourcetypes import generic_kind, generic_type
from helpers.claims.subjects import LOWER_WORD, opening_subject
from helpers.study import Study

MAX_HISTORY = 64  # parties remembered per post (older ones are forgotten)
# A name opening a sentence: "Gov. Tom Hale toured ...", "The Institute for Fiscal Studies, a
# think tank, published ..." (read from a bounded prefix of the sentence)
OPENING_NAME = re.compile(
    r"(?:The\s)?(?P<np>(?:(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen)\.?\s)?[A-Z][\w'&.-]*+"
    r"(?:\s(?:of|for|and|on|the|&)\s[A-Z][\w'&.-]*+|\s[A-Z][\w'&.-]*+)*+)"
    r"(?:\s\((?P<acronym>[A-Z][A-Za-z.&]{1,11})\))?"
    r"(?:,\s(?P<desc>(?:an?|the)\s[^,\"]{1,80}),)?\s[a-z]"
)
# A description that says what kind of organisation a name is: "the water utility", "a think
# tank" (no preposition: "an oceanographer at the university" describes a person)
ORG_DESCRIPTION = re.compile(r"(?i:the|an?)(?:\s(?!(?:of|at|for|in|with|from|on)\b)[\w'-]++)+")
# What a market report opens with before the company it is about
SHARES_OF = re.compile(r"^(?:Shares|Stock|Bonds|Units) (?:of|in) ")
# A role owned by a pronoun: "its director", "their spokesman"
OWNED = re.compile(r"(?:its|their) \w", re.IGNORECASE)
# A role owned by an earlier party named again by its kind: "the fund's chief economist"
OWNED_BY_REFERENCE = re.compile(
    r"(?i:the) (?P<head>[a-z][\w-]*+(?: [a-z][\w-]*+)?)'s (?P<role>\w.*)"
)
# The governor of a bank named before ("Bank of Lindovia's governor"): its own type stands
CENTRAL_BANKER = re.compile(r"\b[Bb]ank\b[^,]*'s (?:deputy )?governors?$")
# An adjective that describes rather than names: "medical", "humanitarian", "Paris-based"
DESCRIBING = re.compile(
    r"[a-z]+(?:al|ic|ian|ary|ous|ive|ing)|[\w]+-(?:based|owned|run|backed|led|funded)"
)
# Heads that only say what kind of body one is, whatever words come before them ("the rights
# group", "the motoring organisation", "the industry body")
KIND_HEADS = frozenset({"group", "organisation", "organization", "body", "network", "coalition"})
PUBLIC_KIN = (v.INTERNATIONAL_ORGANISATION, v.POLICE_EMERGENCY)  # also "agencies", "services"
OFFICIALS_WORD = re.compile(r"\b(?:officials?|sources?)\b", re.IGNORECASE)
OPENING_PREFIX = 200  # characters of a sentence read for the name that opens it
NOT_A_NAME = frozenset(
    "The A An This That These Those It He She They We I In On At But And As After".split()
)


_SPEAKERS: dict[tuple[int, str, str], tuple[Study, Speaker]] = {}  # made once per study
MAX_SPEAKERS = 50_000  # speakers kept made (the cache is emptied when it grows past this)


def make_speaker(
    phrase: str, study: Study, description: str = "", author: Speaker | None = None
) -> Speaker:
    """A new speaker from its phrase: canonical name, type in the study's labels, kind.

    A document's canonical name is its author's when the text names one ("a report by the
    Government Accountability Office", "the agency's data"): ``author`` is that party resolved.
    The same phrase and description in the same study give the same speaker, made once.
    """
    if author is not None:
        return _make_speaker(phrase, study, description, author)
    key = (id(study), phrase, description)
    cached = _SPEAKERS.get(key)
    if cached is not None and cached[0] is study:
        return cached[1]
    if len(_SPEAKERS) >= MAX_SPEAKERS:
        _SPEAKERS.clear()
    speaker = _make_speaker(phrase, study, description, None)
    _SPEAKERS[key] = (study, speaker)
    return speaker


def _make_speaker(phrase: str, study: Study, description: str, author: Speaker | None) -> Speaker:
    name, _ = acronym_of(phrase)
    if author is not None:
        canonical = author.canonical
    elif find_actor(phrase, study) is None and document_head(phrase):
        canonical = document_name(phrase)  # "Official estimates" -> "estimates"
    else:
        canonical = canonical_source(phrase, study)
    kind = kind_of(name, study)
    if kind == PERSON and ORG_DESCRIPTION.fullmatch(description) and not person_name(name):
        if generic_kind(description) == ORG:  # "The rail operator, Westway Trains, said"
            kind = ORG
    return Speaker(phrase, canonical, source_type_for(name, study, description), kind, description)


@dataclass
class History:
    """The parties met so far: per post (speakers), per paragraph (also names), per article."""

    study: Study
    entries: list[tuple[int, Speaker, bool]] = field(default_factory=list)  # (para, who, said)
    last_post: list[Speaker] = field(default_factory=list)  # the parties of the post before
    aliases: dict[str, Speaker] = field(default_factory=dict)  # surnames and acronyms
    typed: dict[str, Speaker] = field(default_factory=dict)  # the last typed party per name
    paragraph: int = 0
    text: str = ""  # the article, where "the airport" looks back for "Bristol Airport"
    paragraph_start: int = 0
    position: int = 0  # the end of the sentence being read
    other: str = field(init=False, default="")  # the study's label of "other", read once

    def __post_init__(self) -> None:
        self.other = self.study.type_label(v.OTHER)

    def new_post(self) -> None:
        if self.entries:  # kept for a pronoun that finds no one in its own post
            self.last_post = [speaker for _, speaker, _ in self.entries]
        self.entries.clear()

    def add(self, speaker: Speaker, spoke: bool = True) -> None:
        self.entries.append((self.paragraph, speaker, spoke))
        del self.entries[:-MAX_HISTORY]
        if speaker.canonical and speaker.source_type != self.other:
            self.typed[speaker.canonical] = speaker
        if speaker.kind == PERSON and speaker.canonical:
            surname = surname_of(speaker.canonical)
            if surname:
                self.aliases.setdefault(surname, speaker)
        elif speaker.kind == ORG and speaker.canonical:
            short = short_name(speaker.canonical)
            if short:
                self.aliases.setdefault(short, speaker)
            initials = initials_of(speaker.canonical)
            if initials:  # "Federal Bureau of Investigation" then "the FBI"
                self.aliases.setdefault(initials, speaker)

    def latest(self, fits) -> Speaker | None:
        """The most recent party of this paragraph that fits, else the post's last speaker
        (one pass: the entries of this paragraph are the last ones)."""
        for paragraph, speaker, spoke in reversed(self.entries):
            if (spoke or paragraph == self.paragraph) and fits(speaker):
                return speaker
        return None

    def mentioned(self, fits) -> Speaker | None:
        """The most recent party of the post that fits, spoken or only named ("Striker Lena
        Okoro scored ..." then a paragraph '"...," she said'; "Tidewater Water raised bills"
        then a paragraph "It blamed ..."): when no speaker fits."""
        for _, speaker, _ in reversed(self.entries):
            if fits(speaker):
                return speaker
        return None

    def _before(self, kinds: set[str]) -> Speaker | None:
        """The last party of those kinds in the post before, for a pronoun that opens a post:
        news that separates its paragraphs by blank lines ("Vivian Okoro said ..." then a
        paragraph "She said ...")."""
        for speaker in reversed(self.last_post):
            if speaker.kind in kinds:
                return speaker
        return None

    def earlier(self, fits: Callable[[Speaker], bool]) -> Speaker | None:
        """The last typed party of the article that fits, across posts: paragraphs that a blank
        line separates ("Comptroller Vivian Okoro said" ... "the comptroller's report")."""
        for speaker in reversed(self.typed.values()):
            if fits(speaker):
                return speaker
        return None

    def resolve(self, phrase: str, description: str = "") -> Speaker:
        """Turn a phrase into a speaker, resolving pronouns and references."""
        phrase = tidy(phrase)
        target = self._target(phrase)
        if target is not None and description and target.description != description:
            described = make_speaker(target.phrase, self.study, description)
            if target.source_type == self.other != described.source_type:
                target = replace(target, source_type=described.source_type)  # "The Larder
                # Network, which runs 1,300 food banks," named before as the sentence opened
        if target is not None:
            if target.phrase == phrase:
                return target
            return Speaker(phrase, target.canonical, target.source_type, target.kind,
                           target.description)  # fmt: skip
        author = owner = None
        if find_actor(phrase, self.study) is None and document_head(phrase):
            written = document_author(phrase) or document_author(description)
            author = self.resolve(written) if written else None
            if author is not None and author.kind == PERSON:  # "an audit by Comptroller Dana
                self.add(author, spoke=False)  # Whitcombe" then "Whitcombe said"
        elif OWNED.match(description or phrase):
            owner = self.latest(lambda s: s.kind in {ORG, GROUP, OUTLET})
            if owner is not None and description:  # "Paul Devlin, its chief financial officer"
                role = description.split(None, 1)[1] if " " in description else ""
                description = f"{owner.canonical}'s {role}".strip()
            elif owner is not None:  # "its director": described by whose it is
                description = f"{owner.phrase}, {owner.description}".strip(", ")
        else:
            owned = OWNED_BY_REFERENCE.match(description or phrase)
            if owned:
                owner = self._reference(f"the {owned['head']}", owned["head"], adopt=False)
                if owner is not None and description:  # "the fund's chief economist"
                    description = f"{owner.canonical}'s {owned['role']}"
        speaker = make_speaker(phrase, self.study, description, author)
        return self._consistent(speaker, owner)

    def _consistent(self, speaker: Speaker, owner: Speaker | None) -> Speaker:
        """One party, one type: a role an organisation owns ("its commissioner, Dale Morrow")
        speaks with the organisation's type; a party named again with nothing said of it
        keeps the type it had ("Pierre Lemoine" after "Pierre Lemoine, the fund's economist")."""
        other = self.other
        if owner is not None and owner.kind == ORG and speaker.kind == PERSON:
            if CENTRAL_BANKER.search(speaker.description):  # a bank with a governor
                return replace(speaker, source_type=self.study.type_label(v.GOVERNMENT))
            known = owner.source_type != other or institution_type(owner.canonical)
            if known and owner.source_type not in ("", self.study.type_label(v.DOCUMENT)):
                return replace(speaker, source_type=owner.source_type)  # a league is "other"
        if speaker.source_type == other:
            before = self.typed.get(speaker.canonical)
            if before is not None and before.kind == speaker.kind:
                return replace(speaker, source_type=before.source_type)
        return speaker

    def _target(self, phrase: str) -> Speaker | None:
        study = self.study
        plan, detail = reference_plan(phrase)
        if plan == "person":
            person = self.latest(lambda s: s.kind == PERSON)
            return person or self.mentioned(lambda s: s.kind == PERSON) or self._before({PERSON})
        if plan in ("they", "it"):
            kinds = {GROUP, ORG, OUTLET} if plan == "they" else {ORG, OUTLET, DOCUMENT}
            found = self.latest(lambda s: s.kind in kinds)
            return found or self.mentioned(lambda s: s.kind in kinds) or self._before(kinds)
        if plan == "who":
            return self.latest(lambda s: s.kind != DOCUMENT)
        if plan == "officials":
            return self.latest(lambda s: s.kind == GROUP and OFFICIALS_WORD.search(s.phrase))
        if plan == "role":
            return self.latest(lambda s: s.kind in {PERSON, GROUP})
        if plan == "titled":

            def holds(s: Speaker) -> bool:
                return s.kind == PERSON and detail in s.described.split()

            return self.mentioned(holds) or self.earlier(holds)
        if plan == "outlet":
            media = c.GENERIC_MEDIA.get(detail)
            found = self.latest(lambda s: s.is_outlet and _medium_fits(s, media, study))
            if found is not None or detail != "agency":
                return found
        if plan == "reference":
            return self._reference(phrase, detail)
        if plan == "outlet" or find_actor(phrase, study) is not None:
            return None
        return self.aliases.get(detail)

    def _reference(self, phrase: str, head: str, adopt: bool = True) -> Speaker | None:
        """ "the think tank" -> the last party described so, else the last of the same type."""
        words = head.split()
        word = words[0] if len(words) == 1 else ""

        def named(s: Speaker) -> bool:
            if word:  # one word, the usual case: no generator
                return s.kind != PERSON and word in s.described
            return s.kind != PERSON and all(w in s.described for w in words)

        found = self.latest(named)
        if found is None and document_head(phrase):
            found = self.earlier(lambda s: s.kind == DOCUMENT and named(s))  # "The report"
        modifiers = phrase.split()[1 : -len(words)]
        describing = head in KIND_HEADS or all(DESCRIBING.fullmatch(w) for w in modifiers)
        if found is not None or (modifiers and not describing):
            return found  # "the ambulance service" names a service, it does not point back
            # ("the medical charity", "the Paris-based group" describe one named before)
        name = self._name_ending(head)
        if name:  # "Passenger numbers at Bristol Airport rose ..., the airport said"
            return make_speaker(name, self.study)
        wanted = generic_type(phrase)
        if wanted == v.OTHER and modifiers and head in KIND_HEADS:
            return self.latest(lambda s: s.kind == ORG)  # "the RAC said. The motoring group"
        if head in TEAM_HEADS:  # the last club of the paragraph, typed "other" as clubs are
            return self.latest(
                lambda s: s.kind != GROUP and institution_type(s.canonical) == v.OTHER
            )
        if wanted in (v.OTHER, v.ANONYMOUS_OFFICIAL):
            return None
        kinds = {DOCUMENT} if wanted == v.DOCUMENT else {ORG, GROUP, OUTLET}
        found = self.latest(
            lambda s: s.kind in kinds and generic_type(s.phrase, s.description) == wanted
        )
        if found is None and wanted == v.GOVERNMENT:  # "The World Food Programme said ... The
            found = self.latest(  # agency's country director": a public body of another kind
                lambda s: s.kind == ORG and generic_type(s.phrase, s.description) in PUBLIC_KIN
            )
        return found or (self._unknown_named(wanted) if adopt else None)

    def _unknown_named(self, wanted: str) -> Speaker | None:
        """The last organisation of this paragraph that nothing typed, now typed by the kind a
        reference calls it ("Northgas said ... The supplier said": a company), or None."""
        if wanted == v.DOCUMENT:
            return None
        other = self.other
        for paragraph, speaker, spoke in reversed(self.entries):
            if paragraph != self.paragraph:
                break
            if (
                spoke
                and speaker.kind == ORG
                and speaker.source_type == other
                and speaker.canonical[:1].isupper()
            ):
                typed = replace(speaker, source_type=self.study.type_label(wanted))
                self.typed[speaker.canonical] = typed
                return typed
        return None

    def _name_ending(self, head: str) -> str:
        """The last name of the paragraph so far that ends with ``head`` capitalised ("Mercy
        Children's Hospital" for "the hospital"), or ""."""
        title = head.title()
        window = self.text[self.paragraph_start : self.position]
        if title not in window:
            return ""
        found = [m.group() for m in name_ending(title).finditer(window)]
        return found[-1] if found else ""

    def mention(self, sentence: str) -> None:
        """Remember a name that opens a sentence ("Gov. Tom Hale toured ...") for pronouns."""
        lead = c.HEADLINE_LEAD.match(sentence, 0, min(len(sentence), OPENING_PREFIX))
        if lead:  # "Tarn Cruises - The ferry operator ...": what the item is about, for "it"
            speaker = self.resolve(lead.group().rstrip(" -"))
            self.add(replace(speaker, kind=ORG) if speaker.kind == PERSON else speaker, False)
        shares = SHARES_OF.match(sentence)  # "Shares in Corvid Mining fell": the company
        match = OPENING_NAME.match(
            sentence, shares.end() if shares else 0, min(len(sentence), OPENING_PREFIX)
        )
        if not match or match.group("np").split()[0] in NOT_A_NAME:
            subject = opening_subject(sentence)  # "The association also disputed ..."
            if subject and kind_of(subject, self.study) in {ORG, GROUP}:
                self.add(self.resolve(subject), spoke=False)
            return
        name = SHARES_OF.sub("", match.group("np"))  # "Shares of Kestrel Energy fell"
        if not (" " in name or name.isupper() or match.group("desc") or match.group("acronym")):
            follows = LOWER_WORD.match(sentence, match.end("np"))
            is_typed = institution_type(name) not in ("", v.OTHER)  # "Ofsted rated ..."
            if (follows and follows[1] in c.SPEAKER_NOUNS) or is_typed:  # "Union leaders ..."
                subject = opening_subject(sentence)
                if subject and kind_of(subject, self.study) in {ORG, GROUP}:
                    self.add(self.resolve(subject), spoke=False)
            return  # "Paramedics treated ...", "Air defences ...": not known to be a name
        speaker = self.resolve(name, match.group("desc") or "")
        if shares and speaker.kind != ORG:  # only a company has shares: "Halden Copper"
            typed = speaker.source_type
            if typed == self.other:
                typed = self.study.type_label(v.COMPANY)
            speaker = replace(speaker, kind=ORG, source_type=typed)
        self.add(speaker, spoke=False)
        if match.group("acronym"):
            self.aliases.setdefault(match.group("acronym"), speaker)


def _medium_fits(speaker: Speaker, media: set[str] | None, study: Study) -> bool:
    actor = find_actor(speaker.canonical, study)
    return not (media and actor is not None and actor.medium and actor.medium not in media)
