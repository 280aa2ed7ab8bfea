"""Speaker phrases of one sentence: the subject before a reporting verb, the speaker named
after it, an apposition, and the subject that opens a sentence.

:func:`subject_before` reads the clause before a cue ("Ana Ruiz, the county's emergency
manager, said" gives the name and its apposition), :func:`inverted_speaker` the speaker after
it ('," said Ms. Rivera'), :func:`opening_subject` the noun phrase that opens a sentence (the
subject of a participle: "The regulator fined the bank, saying ..."). Every look is bounded,
so a sentence of any length costs time in proportion to its length.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.claims import cues as c
from helpers.claims.actors import find_actor
from helpers.claims.institutions import institution_type
from helpers.claims.names import AFFILIATION, PARTY_STATE, looks_like_full_name, person_name
from helpers.claims.sourcetypes import PERSON_ROLE
from helpers.study import Study

THAT_WORD = re.compile(r"(?<=\s)that\s")
CUE_WORDS = frozenset(c.CUE_VERBS.split("|"))
WORD_PUNCTUATION = ",;:.!?\"'()"
# A short parenthesis inside a name: "(FEMA)", "(D-Texas)"
PARENTHESIS = re.compile(r"\([^()\"\n]{1,40}\)")
# A name written only with capitalised words: "Ana Ruiz", "ISSUED BY THE COMMAND"
CAPITALISED_RUN = re.compile(r"[A-Z][\w'.-]*+(?:\s[A-Z][\w'.-]*+)*+")
# A comma between clause segments (not the comma of "2,000")
SEGMENT_COMMA = re.compile(r",(?=\s|$)")
PARENS_MASK = str.maketrans("()", "\x01\x02")
PARENS_UNMASK = str.maketrans("\x01\x02", "()")
SUBJECT_WINDOW = 400  # characters before a cue that its subject is looked for in
TAIL_WINDOW = 120  # characters at the end of a subject where its trailing words are looked for
# The subject that opens a sentence, for a participle cue: "The Met Office issued ...",
# "Management disputed ...", "The county health department said ..." (a capitalised name, or
# an article and up to four lower-case words)
OPENING_CAPITALS = re.compile(
    r"[\"(]?(?P<np>(?:(?:The|A|An)\s)?(?!(?:His|Her|Our|My)\s)[A-Z][\w'&.-]*+"
    r"(?:\s[A-Z][\w'&.-]*+)*+)"
)
# Capitalised words that open a sentence without naming anyone: "About 35 employers ...",
# "In a statement, it said", "Using its own estimates, ..."
OPENERS = frozenset(
    """About Some More Most Nearly Almost Only Just Over Around Roughly Up Using With Without
    For From By During Since Despite Under Of Among All Both Each Every No Few Several Many
    Another Other Such When While If Although Though Because Before After Then There Here
    Last Next This That These Those Today Yesterday Earlier Later Meanwhile However Still
    Also Even Yet So Or Not In On At As And But It He She They We I Asked Speaking""".split()
)
OPENING_WORDS = re.compile(
    r"[\"(]?(?P<np>(?:The|A|An|Its|Their|His|Her|Our)(?:\s[a-z][\w'-]*+){1,4})"
)
DIGIT = re.compile(r"\d")
RELATIVE_SUBJECT_START = re.compile(r"(?:(?:they|he|she|it|we|the|an?|its|their)\b|[A-Z])")
LOWER_WORD = re.compile(r"\s([a-z]++)\b")  # the lower-case word after a name
# The subject of a relative clause that ends a segment: "a general strike that | they" (say)
RELATIVE_SUBJECT = re.compile(r"\s(?:that|which)\s++(?P<np>(?:[\w'.&-]++\s++){0,5}[\w'.&-]++)$")
# A name in apposition after an opening role: "His lawyer, | Erin Walsh,", "Her union, | the
# Transit Workers' Guild,"
NAMED_APPOSITION = re.compile(
    r",\s++(?:the\s++)?(?P<name>[A-Z][\w'&.-]*+(?:\s(?:of|for|and|the|&)?\s?[A-Z][\w'&.-]*+){0,5})"
    r"(?=\s*+,)"
)
# A name right after the lower-case words that open a sentence: "The rights group | Amnesty"
NAME_AFTER = re.compile(r"\s(?P<name>[A-Z][\w'&.-]*+(?:\s[A-Z][\w'&.-]*+){0,4})(?=[\s,])")
# A word that ends an opening subject: a past tense, a cue or an auxiliary ("fined", "said", "has")
VERB_LIKE = re.compile(rf"\w+ed|{c.CUE_VERBS}|is|are|was|were|has|have|had|will|would|cut|put|set")


@lru_cache(maxsize=16384)
def clean_subject(segment: str) -> str:
    """Trim adverbs, time phrases and conjunctions around a subject phrase."""
    segment = c.DATELINE.sub("", segment.strip(" ,"))
    segment = c.HEADLINE_LEAD.sub("", segment)
    if DIGIT.search(segment):  # a clause with a figure before its speaker: "X rose 2% after it"
        ends = [m.end() for m in c.SUBORDINATOR.finditer(segment)]
        segment = segment[ends[-1] :] if ends else segment
    if " that " in segment or " which " in segment:
        inner = RELATIVE_SUBJECT.search(segment)  # "a strike that | they say drew ..."
        if inner and _relative_subject_like(inner["np"]):
            segment = inner["np"]
    if len(segment.split()) > c.MAX_SEGMENT_WORDS:
        return segment
    previous = None
    while previous != segment:
        previous = segment
        segment = _cut_tail(c.SUBJECT_TAIL, segment).strip(" ,")
        segment = _cut_tail(c.IN_A_TAIL, segment).strip(" ,")
        segment = c.SUBJECT_HEAD.sub("", segment).strip(" ,")
    return segment


def _relative_subject_like(phrase: str) -> bool:
    """A relative clause's own subject ("that | they say", "which | analysts said"), not its
    verb ("that | closely monitors ...")."""
    first = phrase.split()[0]
    if not (RELATIVE_SUBJECT_START.match(phrase) or first.lower() in c.SPEAKER_NOUNS):
        return False
    return c.is_speaker_like(phrase)


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
    pre = sentence[window_start:cue_start]
    if "(" in pre:
        pre = PARENTHESIS.sub(lambda m: m.group(0).translate(PARENS_MASK), pre)
    boundary = 1 + max(  # after the last quote mark or bracket, or 0
        pre.rfind('"'), pre.rfind(";"), pre.rfind(":"), pre.rfind("("), pre.rfind("\n")
    )
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
        if _person(second) and not _person(first):  # "The lead author, Dr. Pia Keller of
            return second, first  # ETH Zurich, said": the person in apposition to a role
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


# A role owned by a pronoun after a cue: "said its director", "said their spokeswoman"
OWNED_ROLE = re.compile(rf"(?:its|their)\s(?:[a-z][\w-]*+\s){{0,2}}{PERSON_ROLE.pattern}$")


def inverted_speaker(sentence: str, pos: int) -> tuple[str, str]:
    """The speaker named right after a cue ('," said Ms. Rivera') and its apposition."""
    phrase = noun_phrase_at(sentence, pos, c.INVERTED_NP)
    phrase = clean_subject(phrase)
    owned = OWNED_ROLE.match(phrase) is not None  # "said its director": a speaker, unlike "its"
    if not phrase or (c.NOT_A_SPEAKER.match(phrase) and not owned) or not c.is_speaker_like(phrase):
        return "", ""
    if DIGIT.search(phrase):
        return "", ""  # ", said the strike killed 17 fighters": a clause, not a speaker
    found = sentence.find(phrase, pos, pos + c.NP_WINDOW)
    if found >= 0 and c.GENERIC_NP.match(phrase):
        apposed = c.APPOSED_NAME.match(sentence, found + len(phrase))
        if apposed:  # "said its director, Anil Verma": the name, described by the role
            return apposed["name"], phrase
    return phrase, description_after(sentence, found + len(phrase)) if found >= 0 else ""


def _person(phrase: str) -> bool:
    """A person's name, with a title or an affiliation or neither: "Dr. Pia Keller of the
    institute", "Ana Ruiz" (not "the county's emergency manager")."""
    if len(phrase) > 120:
        return False
    affiliation = AFFILIATION.search(phrase)
    main = phrase[: affiliation.start()] if affiliation else phrase
    if not main[:1].isupper() or main.split(" ", 1)[0] in ("The", "A", "An"):
        return False  # "led by Prof. Helen Marsh": a clause about a person
    return bool(person_name(main)) or looks_like_full_name(main)


def _named(phrase: str, study: Study) -> bool:
    return find_actor(phrase, study) is not None


def opening_subject(sentence: str) -> str:
    """The speaker-like noun phrase that opens a sentence, or "": "The Met Office issued ..."
    gives "The Met Office", "The county health department said" gives "The county health
    department" (an article and lower-case words up to the last that names a speaker)."""
    match = OPENING_CAPITALS.match(sentence, 0, min(len(sentence), c.NP_WINDOW))
    if match and match.group("np").split()[0] in OPENERS:
        return ""  # "About 35 employers have signed up": no one is named
    if match and match.group("np") not in ("The", "A", "An"):
        phrase = match.group("np")  # a name that opens the sentence is its subject
        noun = LOWER_WORD.match(sentence, match.end("np"))
        if noun and noun[1] in c.SPEAKER_NOUNS:
            phrase = f"{phrase} {noun[1]}"  # "Union leaders", "Hospital officials"
        return phrase if len(phrase.split()) <= 6 and c.is_speaker_like(phrase) else ""
    match = OPENING_WORDS.match(sentence, 0, min(len(sentence), c.NP_WINDOW))
    if not match:
        return ""
    words = match.group("np").split()
    for index, word in enumerate(words[1:], 1):
        if VERB_LIKE.fullmatch(word):
            words = words[:index]  # "The regulator | fined the bank"
            break
    else:
        named = NAME_AFTER.match(sentence, match.end("np"))
        if named and c.is_speaker_like(named["name"]):  # "The passenger group FlyRight said"
            return f"{match.group('np')} {named['name']}"
    for size in range(len(words), 1, -1):
        last = words[size - 1].lower()
        if last.endswith(("'s", "s'")):
            continue  # an owner, not the head: "The department's final count"
        if last in c.SPEAKER_NOUNS or institution_type(last):
            phrase = " ".join(words[:size])
            named = NAMED_APPOSITION.match(sentence, match.start("np") + len(phrase))
            return named["name"] if named else phrase  # "His lawyer, Erin Walsh, disputed"
    return ""
