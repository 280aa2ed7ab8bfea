"""Resolve the frames of every sentence into attributions, and make outlets the via of a speaker.

:func:`resolve_sentences` turns each sentence's raw frames (:mod:`helpers.claims.frames`) into
:class:`Attribution` records, resolving each speaker phrase against what the article said
before it (:class:`helpers.claims.history.History`: pronouns, references, surnames and
acronyms); an outlet next to another speaker becomes that speaker's via, and "according to X,
citing Y" the via of Y's sentence before it too.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from helpers import vocabulary as v
from helpers.claims.actors import find_actor
from helpers.claims.frames import raw_frames
from helpers.claims.history import History, make_speaker
from helpers.claims.institutions import context_type, institution_type
from helpers.claims.labels import ORG, OUTLET, PERSON
from helpers.claims.model import Attribution, SentenceAttribution, Speaker
from helpers.claims.quotes import quote_spans
from helpers.claims.roles import typed_in_paragraph
from helpers.study import Study

# An acronym in brackets after a name anywhere: "the Federal Emergency Management Agency (FEMA)"
ACRONYM = re.compile(r"\((?P<acronym>[A-Z][A-Z.&]{1,10}s?)\)")
NAMED_KINDS = {PERSON, ORG}  # a person and an organisation of one name are one party
NAME_WORD = re.compile(r"[A-Z][\w'&.-]*|of|for|and|on|the|&")


def acronym_aliases(text: str, study: Study) -> dict[str, Speaker]:
    """Acronyms the text defines: "the Federal Emergency Management Agency (FEMA)"."""
    aliases: dict[str, Speaker] = {}
    for match in ACRONYM.finditer(text):
        words = text[max(0, match.start() - 200) : match.start()].split()[-12:]
        name: list[str] = []
        for word in reversed(words):
            if not NAME_WORD.fullmatch(word):
                break
            name.insert(0, word)
        while name and not name[0][:1].isupper():
            name.pop(0)
        if len(name) >= 2 and match.group("acronym") not in aliases:
            aliases[match.group("acronym")] = make_speaker(" ".join(name), study)
    return aliases


def resolve_sentences(
    text: str, sentence_spans: Sequence[tuple[int, int]], study: Study
) -> list[SentenceAttribution]:
    """Find and resolve the reporting frames of every sentence of clean ``text``, in order."""
    quotes = sorted(quote_spans(text))  # quotes do not overlap: opens and closes both ascend
    quote_closes = [b for _, b in quotes]
    history = History(study, aliases=acronym_aliases(text, study), text=text)
    other = study.type_label(v.OTHER)
    result: list[SentenceAttribution] = []
    previous_end = 0
    for start, end in sentence_spans:
        gap = text[previous_end:start]
        if "\n\n" in gap:
            history.new_post()
        if "\n" in gap:
            history.paragraph += 1
            history.paragraph_start = start
        history.position = end
        previous_end = end
        sentence = text[start:end]
        overlapping = quotes[bisect_right(quote_closes, start) : bisect_left(quotes, (end, -1))]
        # a quote opened before this sentence covers its start (-1)
        local_quotes = [
            (a - start if a > start else -1, min(b, end) - start) for a, b in overlapping
        ]
        resolved: list[Attribution] = []
        frames = raw_frames(sentence, local_quotes, study)
        if not frames or frames[0].start > 0:
            history.mention(sentence)
        for raw in frames:
            speaker = history.resolve(raw.phrase, raw.description)
            if speaker.kind == ORG and speaker.source_type == other:
                speaker = _typed_in_context(speaker, sentence, study)
            elif speaker.kind == PERSON:
                speaker = typed_in_paragraph(speaker, history, text, end)
            history.add(speaker)
            if raw.cited:
                cited = history.resolve(raw.cited, raw.cited_description)
                if cited.kind == PERSON:
                    cited = typed_in_paragraph(cited, history, text, end)
                history.add(cited)
                resolved.append(
                    Attribution(start + raw.start, start + raw.end, cited, raw.cue,
                                speaker.canonical, start + raw.scope if raw.scope else 0)
                )  # fmt: skip
                continue
            if raw.outlet_only and not speaker.is_outlet:
                label = study.type_label(v.MEDIA)
                speaker = replace(speaker, kind=OUTLET, source_type=label)
            scope = start + raw.scope if raw.scope else 0
            back = start + raw.back if raw.back else 0
            resolved.append(
                Attribution(start + raw.start, start + raw.end, speaker, raw.cue, "", scope, back)
            )
        result.append(SentenceAttribution(start, end, tuple(merge_via(resolved))))
    return carry_citing_back(text, _typed_back(result, history, other))


def _typed_back(
    sentences: list[SentenceAttribution], history: History, other: str
) -> list[SentenceAttribution]:
    """One party, one type, backwards too: a party untyped where first named takes the type
    the article gave it later ("Lena Voss said ..." then "Lena Voss, a housing campaigner")."""
    typed = history.typed
    if not typed:
        return sentences
    out = []
    for sentence in sentences:
        frames = tuple(
            replace(f, speaker=replace(f.speaker, source_type=known.source_type))
            if f.speaker.source_type == other
            and (known := typed.get(f.speaker.canonical)) is not None
            and {known.kind, f.speaker.kind} <= NAMED_KINDS
            else f
            for f in sentence.frames
        )
        out.append(replace(sentence, frames=frames) if frames != sentence.frames else sentence)
    return out


def _typed_in_context(speaker: Speaker, sentence: str, study: Study) -> Speaker:
    """An organisation no table types, typed by what its sentence says of it ("Tesco said
    like-for-like sales rose": a company); a name the table calls "other" (a club) stays."""
    if institution_type(speaker.phrase) or find_actor(speaker.phrase, study) is not None:
        return speaker
    found = context_type(sentence)
    return replace(speaker, source_type=study.type_label(found)) if found else speaker


def merge_via(frames: list[Attribution]) -> list[Attribution]:
    """Make an outlet that sits next to another speaker in a sentence that speaker's via."""
    if len(frames) < 2:
        return frames  # a lone frame has no one beside it
    outlets = [f for f in frames if f.speaker.is_outlet and not f.via]
    others = [f for f in frames if not (f.speaker.is_outlet and not f.via)]
    if not others or not outlets:
        return frames
    starts = [o.start for o in outlets]
    merged = []
    for frame in others:
        if frame.via:
            merged.append(frame)
            continue
        i = bisect_left(starts, frame.start)
        near = [o for o in outlets[max(0, i - 1) : i + 1]]
        nearest = min(near, key=lambda o: abs(o.start - frame.start))
        merged.append(replace(frame, via=nearest.speaker.canonical))
    return merged


def carry_citing_back(text: str, sentences: list[SentenceAttribution]) -> list[SentenceAttribution]:
    """'X wrote ... . ..., according to the agency, citing X.': the agency is the via of X's
    sentence before too."""
    out = list(sentences)
    for index in range(1, len(out)):
        for frame in out[index].frames:
            if not (frame.cue == "according to" and frame.via):
                continue
            earlier = out[index - 1]
            if "\n\n" in text[earlier.end : out[index].start]:
                continue
            frames = tuple(
                replace(f, via=frame.via)
                if f.speaker.canonical == frame.speaker.canonical and not f.via
                else f
                for f in earlier.frames
            )
            out[index - 1] = replace(earlier, frames=frames)
    return out
