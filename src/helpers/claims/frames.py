"""The reporting frames of one sentence: who said, told, announced ... with which verb.

:func:`raw_frames` finds each frame of a sentence (offsets relative to it) with the speaker
phrase as written: ``X said``, ``"...," said X``, ``according to X(, citing Y)``, ``... was
announced by X``, ``X put the figure at``. Every look around a cue is bounded, so a sentence
of any length costs time in proportion to its length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from helpers.claims import cues as c
from helpers.claims.actors import find_actor
from helpers.claims.institutions import institution_type
from helpers.claims.names import PARTY_STATE
from helpers.study import Study

# The quote marks and brackets that end the clause a subject is looked for in
CLAUSE_BOUNDARY = re.compile(r"[\";:(\n]")
# "reported that", "said on Monday that": a subject is looked for after the last one
REPORTED_THAT = re.compile(rf"\b(?:{c.CUE_VERBS})\b(?:\s++\S++){{0,3}}?\s++that\s")
THAT_WORD = re.compile(r"(?<=\s)that\s")
CUE_WORDS = frozenset(c.CUE_VERBS.split("|"))
WORD_PUNCTUATION = ",;:.!?\"'()"
# A short parenthesis inside a name: "(FEMA)", "(D-Texas)"
PARENTHESIS = re.compile(r"\([^()\"\n]{1,40}\)")
# The same speaker again: "... and said", "... and also told"
AND_AGAIN = re.compile(r"\band\s++(?:also\s++|then\s++|later\s++)?$")
WHO_BEFORE = re.compile(r",\s*+who\s*+$")
# A name written only with capitalised words: "Ana Ruiz", "ISSUED BY THE COMMAND"
CAPITALISED_RUN = re.compile(r"[A-Z][\w'.-]*+(?:\s[A-Z][\w'.-]*+)*+")
# A comma between clause segments (not the comma of "2,000")
SEGMENT_COMMA = re.compile(r",(?=\s|$)")
# ", citing Y" anywhere after a frame
LATER_CITING = re.compile(r",\s*+(?:citing|quoting)\s++")
PARENS_MASK = str.maketrans("()", "\x01\x02")
PARENS_UNMASK = str.maketrans("\x01\x02", "()")
SUBJECT_WINDOW = 400  # characters before a cue that its subject is looked for in
TAIL_CHARS = 80  # characters before a cue read by the patterns anchored at it ("and also ")
NEAR_CHARS = 40  # the longest match of a pattern anchored at a cue ("was independently")
TAIL_WINDOW = 120  # characters at the end of a subject where its trailing words are looked for
# The subject that opens a sentence, for a participle cue: "The Met Office issued ...",
# "Management disputed ...", "The county health department said ..." (a capitalised name, or
# an article and up to four lower-case words)
OPENING_CAPITALS = re.compile(
    r"[\"(]?(?P<np>(?:(?:The|A|An)\s)?[A-Z][\w'&.-]*+(?:\s[A-Z][\w'&.-]*+)*+)"
)
OPENING_WORDS = re.compile(r"[\"(]?(?P<np>(?:The|A|An|Its|Their)(?:\s[a-z][\w'-]*+){1,4})")
DIGIT = re.compile(r"\d")
# A subordinating conjunction right before a subject ("... fell 4% after | the company said")
SUBORDINATE_BEFORE = re.compile(
    r"\b(?:after|before|because|when|while|since|although|though|until|once|whereas|as|if|"
    r"unless)\s++$"
)
# A word that ends an opening subject: a past tense, a cue or an auxiliary ("fined", "said", "has")
VERB_LIKE = re.compile(rf"\w+ed|{c.CUE_VERBS}|is|are|was|were|has|have|had|will|would|cut|put|set")


@dataclass(frozen=True)
class RawFrame:
    """A frame before its speaker is resolved (offsets relative to the sentence)."""

    start: int
    end: int
    phrase: str
    cue: str
    cited: str = ""
    outlet_only: bool = False  # an outlet named only as a channel ("as reported by X")
    description: str = ""  # an apposition: "an epidemiologist at the university"
    scope: int = 0  # where a frame of a subordinate clause starts to govern (0: everywhere)


def clean_subject(segment: str) -> str:
    """Trim adverbs, time phrases and conjunctions around a subject phrase."""
    segment = c.DATELINE.sub("", segment.strip(" ,"))
    segment = c.HEADLINE_LEAD.sub("", segment)
    if DIGIT.search(segment):  # a clause with a figure before its speaker: "X rose 2% after it"
        ends = [m.end() for m in c.SUBORDINATOR.finditer(segment)]
        segment = segment[ends[-1] :] if ends else segment
    if len(segment.split()) > c.MAX_SEGMENT_WORDS:
        return segment
    previous = None
    while previous != segment:
        previous = segment
        segment = _cut_tail(c.SUBJECT_TAIL, segment).strip(" ,")
        segment = _cut_tail(c.IN_A_TAIL, segment).strip(" ,")
        segment = c.SUBJECT_HEAD.sub("", segment).strip(" ,")
    return segment


def _cut_tail(pattern: re.Pattern[str], segment: str) -> str:
    """``segment`` without the match of ``pattern`` (anchored at the end) in its last
    :data:`TAIL_WINDOW` characters: the tail is looked for where it can be, not everywhere."""
    match = pattern.search(segment, max(0, len(segment) - TAIL_WINDOW))
    return segment[: match.start()] if match else segment


def noun_phrase_at(sentence: str, pos: int, pattern: re.Pattern[str] = c.NOUN_PHRASE) -> str:
    """The noun phrase that starts at ``pos`` and runs to the next comma, quote or period.

    Read in a window of :data:`helpers.claims.cues.NP_WINDOW` characters; a phrase that does
    not end inside it is no speaker.
    """
    endpos = min(len(sentence), pos + c.NP_WINDOW)
    match = pattern.match(sentence, pos, endpos)
    if not match:
        return ""
    stop = match.end("np")
    if stop == endpos and endpos < len(sentence):
        return ""
    if not c.NP_END.match(sentence, stop):
        return ""
    return match.group("np").strip()


def description_after(sentence: str, pos: int) -> str:
    """An apposition right after a speaker phrase ending at ``pos`` (", a spokesperson for X")."""
    match = c.APPOSITION.match(sentence, pos, min(len(sentence), pos + c.NP_WINDOW))
    return match.group("desc").strip() if match else ""


def subject_before(sentence: str, cue_start: int, cue: str, study: Study) -> tuple[str, str]:
    """Return the speaker phrase written before a reporting verb and its apposition.

    ``"..., county fire officials said"`` gives "county fire officials"; ``"Ana Ruiz, the
    county's emergency manager, said"`` gives ("Ana Ruiz", "the county's emergency
    manager"); ``"the Federal Emergency Management Agency (FEMA) said"`` keeps its
    parenthesis. A quote, a colon or an earlier ``... reported that`` ends the clause.
    """
    window_start = max(0, cue_start - SUBJECT_WINDOW)
    pre = PARENTHESIS.sub(
        lambda m: m.group(0).translate(PARENS_MASK), sentence[window_start:cue_start]
    )
    boundary = 0
    for match in CLAUSE_BOUNDARY.finditer(pre):
        boundary = match.end()
    if "that" in pre:
        boundary = max(boundary, _reported_that_end(pre, boundary))
    if boundary == 0 and window_start > 0:
        return "", ""  # the clause runs past the window: too long to be a subject
    clause = pre[boundary:]
    ends_with_comma = clause.rstrip().endswith(",")
    segments = [s for s in SEGMENT_COMMA.split(clause) if s.strip()]
    if not segments:
        return "", ""
    unmask = str.translate
    if ends_with_comma and len(segments) >= 2:
        # "NAME, APPOSITION, said" or "ROLE, NAME, said": keep the part that names someone
        first, second = clean_subject(segments[-2]), clean_subject(segments[-1])
        first, second = unmask(first, PARENS_UNMASK), unmask(second, PARENS_UNMASK)
        if c.ASIDE.match(second) or PARTY_STATE.fullmatch(second):
            return (first, "") if c.is_speaker_like(first, cue) else ("", "")
        if _named(second, study):
            return second, first
        if _named(first, study):
            return first, second
        if len(second) <= 200 and CAPITALISED_RUN.fullmatch(second):
            return second, first
        return first, second
    subject = unmask(clean_subject(segments[-1]), PARENS_UNMASK)
    return (subject, "") if c.is_speaker_like(subject, cue) else ("", "")


def _reported_that_end(pre: str, start: int) -> int:
    """Where the last ``cue ... that`` of ``pre`` (from ``start``) ends, or 0: the cue within
    the three words before "that" ("reported on Monday that", the same as
    :data:`REPORTED_THAT`, read word by word from each "that")."""
    end = 0
    for match in THAT_WORD.finditer(pre, start):
        words = pre[max(start, match.start() - 80) : match.start()].split()[-4:]
        if any(w.lstrip(WORD_PUNCTUATION).rsplit("-", 1)[-1] in CUE_WORDS for w in words):
            end = match.end()
    return end


def inverted_speaker(sentence: str, pos: int) -> tuple[str, str]:
    """The speaker named right after a cue ('," said Ms. Rivera') and its apposition."""
    phrase = noun_phrase_at(sentence, pos, c.INVERTED_NP)
    phrase = clean_subject(phrase)
    if not phrase or c.NOT_A_SPEAKER.match(phrase) or not c.is_speaker_like(phrase):
        return "", ""
    if DIGIT.search(phrase):
        return "", ""  # ", said the strike killed 17 fighters": a clause, not a speaker
    found = sentence.find(phrase, pos, pos + c.NP_WINDOW)
    return phrase, description_after(sentence, found + len(phrase)) if found >= 0 else ""


def _inside(pos: int, spans: Sequence[tuple[int, int]], opens: Sequence[int]) -> bool:
    index = bisect_right(opens, pos) - 1
    return index >= 0 and spans[index][0] < pos < spans[index][1]


def _named(phrase: str, study: Study) -> bool:
    return find_actor(phrase, study) is not None


def raw_frames(sentence: str, quotes: Sequence[tuple[int, int]], study: Study) -> list[RawFrame]:
    """Find every reporting frame of one sentence (offsets relative to the sentence).

    ``quotes`` are the (open, close) quote spans in the sentence, sorted; cues inside them are
    the quoted person's words, not attributions.
    """
    cue_matches = [
        (m.start("cue"), m.end("cue"), m.group("cue")) for m in c.CUE_PATTERN.finditer(sentence)
    ]
    has_according, has_by = "ccording to" in sentence, " by " in sentence
    has_put = "put" in sentence or "plac" in sentence or "peg" in sentence
    has_participle = c.SAYING.search(sentence) is not None
    if not (cue_matches or has_according or has_by or has_put or has_participle):
        return []  # most sentences of an article report nothing
    opens = [a for a, _ in quotes]
    frames: list[RawFrame] = []
    taken: list[tuple[int, int]] = []
    according = c.ACCORDING_TO.finditer(sentence) if has_according else ()
    for match in according:
        if _inside(match.start(), quotes, opens):
            continue
        phrase = noun_phrase_at(sentence, match.end())
        if not phrase:
            continue
        end = match.end() + len(phrase)
        description = ""
        apposed = c.APPOSED_NAME.match(sentence, end) if c.GENERIC_NP.match(phrase) else None
        if apposed:  # "according to the utility, National Grid": the name, so described
            phrase, description, end = apposed["name"], phrase, apposed.end("name")
        cited = ""
        citing = c.CITING.match(sentence, end)
        if citing:
            cited = noun_phrase_at(sentence, citing.end())
        frames.append(RawFrame(match.start(), end, phrase, "according to", cited,
                               description=description))  # fmt: skip
        taken.append((match.start(), end))
    passives = (
        [*c.PASSIVE_BY.finditer(sentence), *c.REDUCED_PASSIVE.finditer(sentence)] if has_by else []
    )
    for match in sorted(passives, key=lambda m: m.start("cue")):
        if _inside(match.start(), quotes, opens) or (match.start("cue"), 0) in taken:
            continue
        if _negated(sentence, match.start("cue")):
            continue
        phrase = clean_subject(noun_phrase_at(sentence, match.end()))
        if not phrase:
            continue
        channel = match.group(0).startswith("as ")
        end = match.end() + len(phrase)
        frames.append(RawFrame(match.start("cue"), end, phrase, match.group("cue"),
                               outlet_only=channel))  # fmt: skip
        taken.append((match.start("cue"), end))
    taken.sort()
    taken_starts = [a for a, _ in taken]
    taken_set = set(taken_starts)
    earlier = sorted((f.start, f.phrase) for f in frames)  # frames so far, by start
    if has_put:
        cue_matches += [(m.start(), m.end(), m.group("cue")) for m in c.PUT_AT.finditer(sentence)]
    for start, end, cue in sorted(cue_matches):
        if _inside(start, quotes, opens) or _inside(start + 1, taken, taken_starts):
            continue
        if start in taken_set:
            continue
        pre = tail = sentence[max(0, start - TAIL_CHARS) : start].rstrip()  # what the patterns
        # anchored at the cue need to see (the subject has its own window)
        near = max(0, len(tail) - NEAR_CHARS)  # the patterns anchored at the cue end near it
        if c.CUE_AS_MODIFIER.search(tail, near) or _negated(sentence, start):
            continue
        if c.PASSIVE_AUX.search(tail, near) and cue not in ("said", "told", "estimated"):
            continue  # "he was dismissed", "were found" (not "is said to", "was told")
        if cue in c.NOUN_CUES and c.NOUN_CUE_AFTER.match(sentence, end):
            continue  # "the government's own estimates put ...", "police reports show"
        if cue in ("claimed", "claims") and c.CLAIMED_TOLL.match(sentence, end):
            continue
        if cue == "called" and not c.CALLED_REPORTS.match(sentence, end):
            continue
        if cue in c.NOUN_CUES and c.NOUN_CUE_BEFORE.search(tail, near):
            continue
        if cue in c.FINDING_CUES and sentence.startswith(" that ", end):
            cue_kind = "said"  # "researchers found that ..." reports like "said"
        else:
            cue_kind = cue
        phrase, description = "", ""
        if pre.endswith((",", '"')) or not pre:
            phrase, description = inverted_speaker(sentence, end)
        index = bisect_right(earlier, (start, "")) - 1
        if not phrase and index >= 0 and AND_AGAIN.search(tail + " ", near):
            phrase = earlier[index][1]  # "the firm denied it and said ...": the same
        if not phrase:
            phrase, description = subject_before(sentence, start, cue_kind, study)
        who = WHO_BEFORE.search(tail, near) is not None or (
            phrase.endswith(" who") and not description  # "a former nurse who said ..."
        )
        if not phrase and who:
            phrase = "who"
        if not phrase:
            continue
        if who or phrase.lower() == "who":
            phrase = "who"
        cited = ""
        citing = c.CITING.match(sentence, end)
        if citing:
            cited = noun_phrase_at(sentence, citing.end())
        at = _subordinate_scope(tail, phrase)
        scope = at + max(0, start - TAIL_CHARS) if at >= 0 else 0
        frames.append(RawFrame(start, end, phrase, cue, cited, description=description,
                               scope=scope))  # fmt: skip
        earlier.insert(bisect_right(earlier, (start, phrase)), (start, phrase))
    if has_participle:
        frames.extend(_participles(sentence, quotes, opens, frames, study))
    if " figure" in sentence or " number" in sentence or " estimate" in sentence:
        for match in c.FIGURE_GIVEN.finditer(sentence):
            if not _inside(match.start(), quotes, opens) and c.is_speaker_like(match["np"]):
                frames.append(RawFrame(match.start("cue"), match.end("cue"), match["np"],
                                       match["cue"]))  # fmt: skip
    frames.sort(key=lambda frame: frame.start)
    citing = "citing" in sentence or "quoting" in sentence
    return _cite_later(sentence, frames) if citing else frames


def _subordinate_scope(tail: str, phrase: str) -> int:
    """Where the subordinate clause of a subject starts in ``tail`` (the text before its cue),
    or -1: "Shares fell 4% after the company" said -> at "after"."""
    if not tail.endswith(phrase):
        return -1
    match = SUBORDINATE_BEFORE.search(tail, 0, len(tail) - len(phrase))
    return match.start() if match and match.start() > 0 else -1


def _negated(sentence: str, cue_start: int) -> bool:
    """True when the cue at ``cue_start`` is negated or declined: "would not say"."""
    start = max(0, cue_start - 40)
    window = sentence[start:cue_start].lower()
    if not any(word in window for word in c.NEGATION_WORDS):
        return False  # what NEGATED_CUE needs is not there (a quicker test)
    return c.NEGATED_CUE.search(sentence, start, cue_start) is not None


def opening_subject(sentence: str) -> str:
    """The speaker-like noun phrase that opens a sentence, or "": "The Met Office issued ..."
    gives "The Met Office", "The county health department said" gives "The county health
    department" (an article and lower-case words up to the last that names a speaker)."""
    match = OPENING_CAPITALS.match(sentence, 0, min(len(sentence), c.NP_WINDOW))
    if match and match.group("np") not in ("The", "A", "An"):
        phrase = match.group("np")  # a name that opens the sentence is its subject
        return phrase if len(phrase.split()) <= 6 and c.is_speaker_like(phrase) else ""
    match = OPENING_WORDS.match(sentence, 0, min(len(sentence), c.NP_WINDOW))
    if not match:
        return ""
    words = match.group("np").split()
    for index, word in enumerate(words[1:], 1):
        if VERB_LIKE.fullmatch(word):
            words = words[:index]  # "The regulator | fined the bank"
            break
    for size in range(len(words), 1, -1):
        last = words[size - 1].lower()
        if last.endswith(("'s", "s'")):
            continue  # an owner, not the head: "The department's final count"
        if last in c.SPEAKER_NOUNS or institution_type(last):
            return " ".join(words[:size])
    return ""


def _participles(
    sentence: str,
    quotes: Sequence[tuple[int, int]],
    opens: Sequence[int],
    frames: list[RawFrame],
    study: Study,
) -> list[RawFrame]:
    """Frames of participle cues (", saying ..."): the speaker is the subject of the clause,
    that is the speaker of a frame before it in the sentence, else the subject that opens
    the sentence ("The utility restored power ..., saying crews would work on")."""
    found: list[RawFrame] = []
    for match in c.SAYING.finditer(sentence):
        start = match.start("cue")
        if _inside(start, quotes, opens):
            continue
        before = [f for f in frames if f.start < start]
        phrase = before[-1].phrase if before else opening_subject(sentence)
        if phrase:
            found.append(RawFrame(start, match.end("cue"), phrase, match.group("cue")))
    return found


def _cite_later(sentence: str, frames: list[RawFrame]) -> list[RawFrame]:
    """ ", citing Y" later in the sentence: Y is the source of the frame before it that has no
    cited party yet ("The agency reported that ..., citing local authorities")."""
    if not frames:
        return frames
    out = list(frames)
    for match in LATER_CITING.finditer(sentence, frames[0].end):
        before = [i for i, f in enumerate(out) if f.end <= match.start() and not f.cited]
        if not before:
            continue
        cited = noun_phrase_at(sentence, match.end())
        if cited:
            i = before[-1]
            out[i] = RawFrame(out[i].start, out[i].end, out[i].phrase, out[i].cue, cited,
                              out[i].outlet_only, out[i].description)  # fmt: skip
    return out
