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
from dataclasses import dataclass, replace

from helpers.claims import cues as c
from helpers.claims.citing import CITING_ASIDE, FRONT_CITING, LATER_CITING, cited_at
from helpers.claims.documents import document_head
from helpers.claims.subjects import (
    clean_subject,
    inverted_speaker,
    noun_phrase_at,
    opening_subject,
    subject_before,
)
from helpers.study import Study

TAIL_CHARS = 80  # characters before a cue read by the patterns anchored at it ("and also ")
NEAR_CHARS = 40  # the longest match of a pattern anchored at a cue ("was independently")
# The same speaker again: "... and said", "... and also told"
AND_AGAIN = re.compile(r"\band\s++(?:also\s++|then\s++|later\s++)?$")
WHO_BEFORE = re.compile(r",\s*+who\s*+$")
# What a speaker said of being unnamed, after the cue: "said, asking not to be named",
# "told reporters, speaking on condition of anonymity"
UNNAMED_AFTER = re.compile(
    r"(?:\s++[^,.]{1,36}?)?,\s*+(?P<desc>(?:asking|speaking|requesting|who asked|who "
    r"spoke|who requested)\b(?=[^,.;]{0,40}?(?:anonymity|not to be))[^,.;]{0,80})"
)
# Whom an outlet quotes: "quoted a hospital spokesperson as saying", "was quoted ... as saying"
QUOTED_AS = re.compile(
    r"\bquot(?:ed|es|ing)\s++(?P<np>(?:the|a|an|[A-Z])[^,.;:\"()]{0,80}?)\s++as\s++"
    r"(?:saying|telling)\b"
)
# A party's own forecast changed or given: "cut its growth forecast", "raised their outlook"
OWN_FORECAST = re.compile(
    r"\b(?:cut|cuts|raised|raises|lowered|lowers|trimmed|trims|lifted|lifts|kept|keeps|"
    r"upgraded|downgraded|revised|revises|reiterated|reiterates|issued|published|set|sets|"
    r"maintained|slashed|increased|reduced)\s++(?:its|their)\s++(?:[a-z][\w-]*+\s++){0,3}?"
    r"(?:forecasts?|outlooks?|guidance|projections?|estimates?|targets?)\b"
)
AS_VERB = re.compile(r"\s++(?:that\b|[$\u00a3\u20ac\d])")  # "analysts estimate that | 800"
ESTIMATE_CUES = frozenset({"estimated", "projected", "forecast", "calculated", "put"})
PUT_CUES = frozenset({"put", "puts", "placed", "places", "pegged", "pegs"})
OWN_WORDS = ("forecast", "outlook", "guidance", "projection", "estimate", "target")
FORECAST_NOUNS = frozenset({"forecast", "forecasts", "estimate", "estimates", "projects"})
# A possessive and up to three words right before a cue: "its copper output | forecast"
POSSESSED = re.compile(r"(?:\b(?:its|their|his|her)|\w's|s')(?:\s++[a-z][\w-]*+){1,3}\s*+$")
# A verb of estimating in the passive, its object before it: "Repairs estimated at $26 million",
# "Flood damage put at $220 million" (no reporting: who estimated is said elsewhere, if at all)
PASSIVE_AT = re.compile(r"\s++(?:at|to be)\b")
PUT_PASSIVE = re.compile(r"(?:puts?|placed|places|pegged|pegs)\s++(?:at|closer|near|around)\b")
# A sentence that opens with a kind, then a name: "The operator, Cityline, disputed ..."
DESCRIBED_OPENING = re.compile(
    r"(?P<desc>(?:The|A|An|Its|Their)\s[a-z][\w'-]*+(?:\s[a-z][\w'-]*+){0,3}),\s"
    r"(?P<name>[A-Z][\w'&.-]*+(?:\s[A-Z][\w'&.-]*+){0,4}),"
)
PAST_VERB = re.compile(r"\b[a-z]{2,}ed\b")  # "90 per cent of staff | walked out"
# A time after "by", never an agent: "by Sunday", "by the end of March", "by 2030", "by then"
WHEN = re.compile(
    r"(?:(?:the\s)?(?:(?:end|middle|start|beginning|close)\sof\s|early\s|late\s|mid-?)?|next\s|"
    r"this\s|last\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
    r"February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:the\s)?(?:week|weekend|month|year|day|summer|winter|spring|autumn|fall|season|decade|"
    r"century|quarter)|then|now|tomorrow|tonight|midnight|noon|dawn|nightfall|\d{4}s?)\b"
)
# An apposition that ends the sentence after "according to X": ", a meteorologist with the
# National Weather Service." (a clause after a comma is no apposition: ", the toll rose")
FINAL_APPOSITION = re.compile(rf",\s*+(?P<desc>(?:an?|the)\s{c.NP_BODY})\.?[\"')\s]*+$")
# A subordinating conjunction right before a subject ("... fell 4% after | the company said")
SUBORDINATE_BEFORE = re.compile(
    r"(?:\b(?:after|before|because|when|while|since|although|though|until|once|whereas|as|if|"
    r"unless|that|which)|,\s*+and)\s++$"
)  # a relative clause too: "a strike | that they say drew 2 million"; a clause of its own:
# "Protesters blocked the road for 5 hours, | and police said 31 were arrested"


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
    back: int = 0  # the figure an expectation clause hangs on ("the 230,000 that X forecast")
    cited_description: str = ""  # what the text says of the cited party ("the regional governor")


def _inside(pos: int, spans: Sequence[tuple[int, int]], opens: Sequence[int]) -> bool:
    index = bisect_right(opens, pos) - 1
    return index >= 0 and spans[index][0] < pos < spans[index][1]


def raw_frames(sentence: str, quotes: Sequence[tuple[int, int]], study: Study) -> list[RawFrame]:
    """Find every reporting frame of one sentence (offsets relative to the sentence).

    ``quotes`` are the (open, close) quote spans in the sentence, sorted; cues inside them are
    the quoted person's words, not attributions.
    """
    cue_matches = [
        (m.start("cue"), m.end("cue"), m.group("cue")) for m in c.CUE_PATTERN.finditer(sentence)
    ]
    if ("its " in sentence or "their " in sentence) and any(w in sentence for w in OWN_WORDS):
        cue_matches += [  # "X cut its growth forecast to 2.1%": the forecast is X's, the verb's
            (m.start(), m.end(), "forecast") for m in OWN_FORECAST.finditer(sentence)
        ]  # subject its source
    has_according, has_by = "ccording to" in sentence, " by " in sentence
    has_put = "put" in sentence or "plac" in sentence or "peg" in sentence
    has_participle = c.SAYING.search(sentence) is not None or (
        (
            "finding" in sentence
            or "discover" in sentence
            or "conclud" in sentence
            or "determin" in sentence
        )
        and c.FINDING.search(sentence) is not None
    )
    has_quoted = " as saying" in sentence or " as telling" in sentence
    has_unnamed = "anonymity" in sentence or "not to be" in sentence
    if not (cue_matches or has_according or has_by or has_put or has_participle or has_quoted):
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
        else:  # "according to the Resolution Trust, a think tank."
            described = FINAL_APPOSITION.match(sentence, end)
            if described and not c.FINITE_VERB.search(described["desc"]):
                description = described["desc"]
        cited, cited_description = "", ""
        citing = c.CITING.match(sentence, end)
        if citing:
            cited, cited_description = cited_at(sentence, citing.end())
        frames.append(RawFrame(match.start(), end, phrase, "according to", cited,
                               description=description,
                               cited_description=cited_description))  # fmt: skip
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
        if not phrase or WHEN.match(phrase):
            continue  # "is expected by Sunday": a deadline, not an agent
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
        cue_matches += [
            (m.start(), m.end(), "put on" if m["share"] else m["cue"])
            for m in c.PUT_AT.finditer(sentence)
        ]
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
        if (
            cue in FORECAST_NOUNS
            and POSSESSED.search(tail, near)
            and not AS_VERB.match(sentence, end)
        ):
            continue  # "its growth forecast": a noun (the verb before it is the frame)
        if c.PASSIVE_AUX.search(tail, near) and cue not in ("said", "told", "estimated"):
            continue  # "he was dismissed", "were found" (not "is said to", "was told")
        if cue in ESTIMATE_CUES and PASSIVE_AT.match(sentence, end):
            continue  # "Repairs estimated at $26 million were never funded"
        if cue in PUT_CUES and PUT_PASSIVE.match(sentence, start):
            continue  # "Flood damage put at $220 million"
        if cue in c.NOUN_CUES and c.NOUN_CUE_AFTER.match(sentence, end):
            continue  # "the government's own estimates put ...", "police reports show"
        if cue in ("claimed", "claims") and c.CLAIMED_TOLL.match(sentence, end):
            clause = sentence[end : end + 80].split(",", 1)[0]  # "claims 90 per cent of staff
            if not (c.FINITE_VERB.search(clause) or PAST_VERB.search(clause)):  # walked out"
                # reports; "the storm claimed 14 lives" does not
                continue
        if cue == "called" and not c.CALLED_REPORTS.match(sentence, end):
            continue
        if cue in c.DOING_CUES and c.AMOUNT_OBJECT.match(sentence, end):
            continue
        if cue in c.NOUN_CUES and c.NOUN_CUE_BEFORE.search(tail, near):
            continue
        if cue in c.FINDING_CUES and sentence.startswith(" that ", end):
            cue_kind = "said"  # "researchers found that ..." reports like "said"
        else:
            cue_kind = cue
        phrase, description = "", ""
        if (pre.endswith((",", '"')) or not pre) and cue not in c.NOT_INVERTED:
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
        if not description and has_unnamed and "," in sentence[end : end + 40]:
            anonymous = UNNAMED_AFTER.match(sentence, end)  # "..., a diplomat said, asking
            description = anonymous["desc"] if anonymous else ""  # not to be named"
        if not phrase or (cue == "put on" and not document_head(phrase)):
            continue  # only a poll or survey "put Labour on 38 per cent", not "put a cap on"
        if who or phrase.lower() == "who":
            phrase = "who"
        cited, cited_description = "", ""
        citing = c.CITING.match(sentence, end)
        if citing:
            cited, cited_description = cited_at(sentence, citing.end())
        elif "citing" in tail or "quoting" in tail:  # "The agency, citing a source, reported"
            aside = CITING_ASIDE.search(tail)
            if aside:
                at_cited = max(0, start - TAIL_CHARS) + aside.start(1)
                cited, cited_description = cited_at(sentence, at_cited)
        at = _subordinate_scope(tail, phrase)
        if cue in c.YIELDING_CUES and at >= 0 and tail.startswith("that", at):
            if any(f.end <= start and f.cue not in c.WEAK_CUE_SET for f in frames):
                continue  # "The governor said that the bank expected 3%": the governor's words
        scope = at + max(0, start - TAIL_CHARS) if at >= 0 else 0
        frames.append(RawFrame(start, end, phrase, cue, cited, description=description,
                               scope=scope, cited_description=cited_description))  # fmt: skip
        earlier.insert(bisect_right(earlier, (start, phrase)), (start, phrase))
    if has_participle:
        frames.extend(_participles(sentence, quotes, opens, frames, study))
    if has_quoted:
        for match in QUOTED_AS.finditer(sentence):  # "KTV quoted a hospital spokesperson as
            if not _inside(match.start(), quotes, opens):  # saying 37 people ..."
                frames.append(RawFrame(match.start(), match.end(), match["np"], "quoted"))
    if c.EXPECTING.search(sentence):
        expected = _expectations(sentence, quotes, opens)
        if expected:  # the verb of an expectation clause is no frame of its own as well
            cues = {f.start for f in expected}
            frames = [f for f in frames if f.start not in cues] + expected
    if " figure" in sentence or " number" in sentence or " estimate" in sentence:
        for match in c.FIGURE_GIVEN.finditer(sentence):
            if not _inside(match.start(), quotes, opens) and c.is_speaker_like(match["np"]):
                frames.append(RawFrame(match.start("cue"), match.end("cue"), match["np"],
                                       match["cue"]))  # fmt: skip
    if "this " in sentence or "our " in sentence.lower():
        frames = [f for f in frames if not c.OWN_OUTLET.search(f.phrase)]  # the outlet's own
    frames.sort(key=lambda frame: frame.start)
    fronted = FRONT_CITING.match(sentence) if frames and not frames[0].cited else None
    if fronted:  # "Citing a senior commander, the Kyiv Independent reported that ..."
        cited, cited_description = cited_at(sentence, fronted.end())
        if cited:
            frames[0] = replace(frames[0], cited=cited, cited_description=cited_description)
    if "citing" in sentence or "quoting" in sentence:
        return _cite_later(sentence, frames)
    return frames


def _expectations(
    sentence: str, quotes: Sequence[tuple[int, int]], opens: Sequence[int]
) -> list[RawFrame]:
    """Frames of a relative clause that says whose expectation a figure was: "short of the
    230,000 that economists had forecast", "above the $3.9 billion that analysts at X had
    expected". The frame governs the figure before "that" only (``back``)."""
    found = []
    relative = " that " in sentence or " which " in sentence
    matches = [*c.EXPECTED_FIGURE.finditer(sentence)] if relative else []
    for match in matches or c.EXPECTED_BARE.finditer(sentence):
        phrase = match["np"].strip()
        if _inside(match.start("cue"), quotes, opens) or not c.is_speaker_like(phrase):
            continue
        found.append(RawFrame(match.start("cue"), match.end("cue"), phrase, match["cue"],
                              back=match.start()))  # fmt: skip
    return found


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
    if not c.NEGATION_HINT.search(sentence, start, cue_start):
        return False  # what NEGATED_CUE needs is not there (a quicker test)
    return c.NEGATED_CUE.search(sentence, start, cue_start) is not None


# An affiliation after a subject that opens a sentence: "Inspectors | from the Care Quality
# Commission rated ..."
AFFILIATED = re.compile(
    r"\s(?:of|from|at|for)\s(?:the\s)?[A-Z][\w'&.-]*+(?:\s(?:(?:of|for|and|the|&)\s)?[A-Z]"
    r"[\w'&.-]*+)*+"
)


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
    for match in [*c.SAYING.finditer(sentence), *c.FINDING.finditer(sentence)]:
        start = match.start("cue")
        if _inside(start, quotes, opens):
            continue
        before = [f for f in frames if f.start < start]
        phrase = before[-1].phrase if before else opening_subject(sentence)
        description = before[-1].description if before else ""
        lead = DESCRIBED_OPENING.match(sentence) if not before else None
        if lead and lead["name"] == phrase:
            description = lead["desc"]  # "The operator, Cityline, disputed ..., saying"
        if phrase and not before and sentence.startswith(phrase):
            affiliated = AFFILIATED.match(sentence, len(phrase))  # "Inspectors | from the X"
            phrase = phrase + affiliated.group() if affiliated else phrase
        if phrase:
            # "after finding" governs what was found, not the deed before it
            scope = start if match.re is c.FINDING else 0
            found.append(RawFrame(start, match.end("cue"), phrase, match.group("cue"),
                                  description=description, scope=scope))  # fmt: skip
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
        cited, cited_description = cited_at(sentence, match.end())
        if cited:
            i = before[-1]
            out[i] = replace(out[i], cited=cited, cited_description=cited_description)
    return out
