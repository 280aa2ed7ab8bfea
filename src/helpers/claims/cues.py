"""The words of attribution: reporting verbs, their frames, and what a speaker phrase may be.

Every pattern here meets article text, so each is written to run in linear time: no
quantified group whose pieces can match the same text two ways, possessive quantifiers where
a run must not be split, and noun phrases read from a bounded window (:data:`NP_WINDOW`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.claims.documents import DOCUMENT_NOUNS, document_head
from helpers.claims.documents import HEAD_END as DOCUMENT_HEAD_END
from helpers.claims.sourcetypes import generic_type
from helpers.vocabulary import OTHER

# Reporting verbs that make any speaker-like subject a source: "said", "told", "announced"
STRONG_CUES = (
    "said|says|say|told|tells|announced|announces|reported|reports|wrote|writes|added|adds|"
    "stressed|stresses|stated|states|elaborated|explained|explains|emphasized|emphasised|"
    "acknowledged|acknowledges|insisted|insists|affirmed|asserted|argued|argues|disclosed|"
    "admitted|admits|warned|warns|tweeted|declared|declares|testified|confirmed|confirms|"
    "denied|denies|deny|rejected|rejects|dismissed|noted|notes|estimated|estimates|estimate|"
    "confirm"
)
# Verbs that report only with a subject that can speak: "the storm claimed 14 lives" is not
# attribution, "the think tank projects" is; "found"/"shows" need a document or "that".
WEAK_CUES = (
    "claimed|claims|found|finds|show|shows|showed|reveal|reveals|revealed|indicate|indicates|"
    "indicated|counted|recorded|tallied|calculated|projected|projects|predicted|predicts|"
    "forecast|forecasts|suggested|suggests|concluded|concludes|continued|called|voiced|"
    "expressed|posted|expect|expects|expected|alleges|allege|alleged|documented|blamed|blames"
)
CUE_VERBS = f"{STRONG_CUES}|{WEAK_CUES}"


def trie_alternation(words: list[str]) -> str:
    """One regex alternation of ``words`` written as a prefix tree: "sa(?:id|ys?)" for "said",
    "says", "say". It matches what ``"|".join(words)`` matches between word boundaries, and the
    regex engine tries each letter once instead of every word at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


CUE_ALTERNATION = trie_alternation(CUE_VERBS.split("|"))
CUE_PATTERN = re.compile(rf"\b(?P<cue>{CUE_ALTERNATION})\b")
WEAK_CUE_SET = frozenset(WEAK_CUES.split("|"))
# Verbs that need a document subject or a "that" clause: "the report found", "found that"
FINDING_CUES = frozenset(
    "found finds show shows showed reveal reveals revealed indicate indicates indicated".split()
)
# Weak verbs of doing or expecting rather than saying: a reporting frame later in the sentence
# governs what they carry ("The observatory recorded 120 tremors, its director said")
YIELDING_CUES = frozenset(
    """recorded counted tallied calculated documented expect expects expected projected
    projects predicted predicts forecast forecasts""".split()
)
# Verbs that deny what follows: "the ministry denied that 40 ..."
DENIAL_CUES = frozenset({"denied", "denies", "deny", "rejected", "rejects", "dismissed"})
# "put the figure at", "puts the death toll at", "placed the number of people living in
# temporary accommodation at 112,000", "put the cost closer to $5 billion": what is put stands
# within eight words, and a figure follows
PUT_AT = re.compile(
    r"\b(?P<cue>puts?|putting|placed|places|pegged|pegs)\s++(?:(?:the|its|their|his|her|this|"
    r"that|a|an)\s++)?(?:[\w'-]++\s++){0,8}?(?:(?:at|closer to|nearer(?: to)?|near|around|as "
    r"high as|as low as)\s++(?=[$\u00a3\u20ac\u00a5\d]|(?:about|around|some|roughly|nearly|"
    r"almost|over|more than|less than|fewer than|at least|up to|between|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|dozens|hundreds|thousands|millions|billions)\b)|(?P<share>on)\s++(?=\d["
    r"\d.]*+\s?(?:%|per ?cent|percent|points?)(?!\w)))"
)  # "put the figure at 12,000"; a poll "put Labour on 38 per cent" (a share only)
# A figure, then a relative clause saying who expected it: "the 230,000 that economists had
# forecast", "the $3.9 billion which analysts at Hartwell had expected" (the figure, up to three
# words after its number, "that"/"which", a subject of one to six words, a tense, the verb)
EXPECTING = re.compile(r"forecast|expected|predicted|projected|anticipated|estimated|pencill?ed")
EXPECTED_FIGURE = re.compile(
    r"(?:[$\u00a3\u20ac\u00a5]\s?)?\d[\d,.]*+%?(?:\s++[\w-]++){0,3}?\s++(?:that|which)\s++"
    r"(?P<np>(?:[\w.'&-]++\s++){1,6}?)(?:had|have|has)\s++(?:been\s++)?(?P<cue>forecast|expected|"
    r"predicted|projected|anticipated|estimated|pencill?ed in)\b"
)
# The same with no "that": "short of the 170,000 economists had expected", "the 2.1% analysts
# polled by Reuters had forecast" (the figure, then a plural of forecasters right after it)
EXPECTED_BARE = re.compile(
    r"(?:[$\u00a3\u20ac\u00a5]\s?)?\d[\d,.]*+(?:%|\s?(?:per ?cent|percent|points?|million|"
    r"billion|bn|m)\b)?\s++(?P<np>(?:most\s++|many\s++|some\s++)?(?:economists|analysts|"
    r"forecasters|traders|investors|markets|strategists|pollsters)(?:\s++(?:polled|surveyed|"
    r"questioned)\s++by\s++[A-Z][\w'&.-]*+(?:\s[A-Z][\w'&.-]*+){0,2})?)\s++(?:had\s++|have\s++|"
    r"has\s++)?(?:been\s++)?(?P<cue>forecast|expected|predicted|projected|anticipated|"
    r"pencill?ed in)\b"
)
# The outlet itself as author or speaker: "An analysis by this newspaper", "our own count"
OWN_OUTLET = re.compile(
    r"\b(?:[Tt]his|[Oo]ur)\s(?:own\s)?(?:newspaper|paper|publication|news organi[sz]ation|"
    r"website|magazine|newsroom|station|broadcaster|programme|program|reporters?)\b|"
    r"\b[Oo]ur\s(?:own\s)?(?:analysis|review|count|tally|survey|investigation|calculations?)\b"
)
# "added" and "admitted" with an amount for object do something, they report nothing: "The
# economy added 187,000 jobs", "the defendant admitted 11 counts of fraud"
DOING_CUES = frozenset({"added", "adds", "admitted", "admits"})
AMOUNT_OBJECT = re.compile(
    r"\s++(?:(?:a further|another|an extra|a net|a total of|about|around|nearly|almost|some|"
    r"more than|over|at least|just|only|roughly)\s++)?(?:[$\u00a3\u20ac\u00a5]|\d|(?:two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\b)",
    re.IGNORECASE,
)
# A cue negated or declined: "did not say", "would not confirm", "declined to confirm",
# "refused to say", "did not immediately say" (its subject does not give the figure)
NEGATED_CUE = re.compile(
    r"(?:\b(?:not|never)|n't)\s++(?:\w+ly\s++)?$|\b(?:declined|refused|unable|failed|"
    r"reluctant|not willing)\s++to\s++(?:\w+ly\s++)?$",
    re.IGNORECASE,
)
# One of these is in every match of NEGATED_CUE
NEGATION_WORDS = ("not", "never", "n't", "declined", "refused", "unable", "failed", "reluctant")
NEGATION_HINT = re.compile("|".join(NEGATION_WORDS), re.IGNORECASE)  # one of them, any case
# "called" reports only when it calls a figure or a claim something, or calls for something:
# "the mayor called the toll ...", "called for 500 more officers"; not a name ("a day, called
# a sol, lasts ...", "the new ward, called the Willow Unit")
CALLED_REPORTS = re.compile(
    r"\s++(?:for|on|it|them|this|that|(?:the|their|its|those|these)\s++(?:\w++\s++){0,2}?"
    r"(?:figures?|numbers?|toll|count|estimates?|claims?|reports?|data|tally|total|rise|fall|"
    r"cuts?|increase|decrease|drop)\b|(?:the|their|its|an?)\s++(?:[\w-]++\s++){0,2}?"
    r"[$\u00a3\u20ac]?\d)"
)
# A noun cue after a verb or a preposition is an object: "results beat forecasts", "ahead of
# estimates", "in line with forecasts", "higher than projections"
NOUN_CUE_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|missed|misses|missing|topped|tops|exceeded|exceeds|surpassed|"
    r"above|below|than|with|of|ahead of|short of|despite|amid|against|to|on|under|over)$",
    re.IGNORECASE,
)
# A noun that looks like a cue: "estimates put", "police reports show", "figures from"
NOUN_CUES = frozenset("estimates estimate reports forecasts projects claims notes states".split())
NOUN_CUE_AFTER = re.compile(
    r"\s++(?:put|puts|show|shows|showed|suggest|suggests|suggested|indicate|indicates|"
    r"indicated|say|said|says|from|by|of|released|published|for|were|was|are|is)\b"
)
# A participle that reports for the subject of its clause: "..., saying up to 80mm could fall"
SAYING = re.compile(
    r",\s*+(?P<cue>saying|adding|noting|warning|claiming|estimating|arguing|insisting|"
    r"stressing|explaining)\b"
)
# A participle of finding after a time word: "rated the home inadequate after finding 11
# residents ...", "closed the plant on discovering ..." (the subject found it)
FINDING = re.compile(
    r"\s(?:after|upon|on|when)\s(?P<cue>finding|discovering|concluding|determining)\b"
)
# A reduced passive after a comma or an adverb: ", a figure first reported by the station"
# (not "released by", "published by": those describe a document, "The data, released by ...")
REDUCED_PASSIVE = re.compile(
    r"(?:,\s*+(?:a |the )?(?:figure |number |toll |estimate |count |tally )?|\b(?:first|"
    r"initially|originally|previously|later)\s++)(?P<cue>reported|announced|given|provided|"
    r"cited|confirmed)\s++by\s++"
)
# After "claimed": a number or lives is a toll, not a claim ("claimed 14 lives")
CLAIMED_TOLL = re.compile(
    r"\s++(?:(?:at least|more than|about|nearly|some|the|an?|over)\s++)?(?:\d|(?:one|two|"
    r"three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions)\b|lives\b|"
    r"life\b|responsibility\b|victory\b|credit\b|seats?\b)",
    re.IGNORECASE,
)
# A cue in the passive with no agent is no report: "he was dismissed for ...", "were found"
PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|be|is|are)(?:\s++\w+ly)?$")
# A cue used as an adjective or noun: "an estimated 300", "the reported 12"
# (also after a possessive: "the department's estimate that 18,000 ...")
CUE_AS_MODIFIER = re.compile(
    r"(?:\b(?:an?|the|their|its|his|her|our|this|that)|\w's|s')\s*+$", re.IGNORECASE
)

# The end of a noun phrase: a comma, semicolon, colon, quote, bracket, or a sentence-final
# period (the period of an abbreviation or initial does not end it).
ABBREVIATION = (
    r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Cmdr|Cpl|Pvt|St|Jr|"
    r"Sr|Inc|Corp|Co|Ltd|Rev|Hon|Supt|Insp|Det|Ch|Cllr|Dci|Dsi|Amb|Fr|Dept|Univ|No)\."
)
NP_BODY = rf"(?:{ABBREVIATION}|\b[A-Z]\.|[^,;:.\"()\n])*+"
NP_END = re.compile(r"\s*+(?:[,;:\"()]|\.(?:\s|$)|$)")
NP_WINDOW = 400  # characters a noun phrase is looked for in

# "according to the county", "According to him"
ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s++")
# "as reported by the agency", "was announced by John Kirby"
PASSIVE_BY = re.compile(
    rf"\b(?:was|were|been|being|is|are|as)\s++(?:(?:\w+ly|later|also|first)\s++)*+"
    rf"(?P<cue>{CUE_VERBS})\s++by\s++"
)
# A name set after a generic description: "according to the utility, National Grid."
APPOSED_NAME = re.compile(
    r",\s++(?P<name>[A-Z][\w'&.-]*+(?:\s(?:of|for|and|the|&)?\s?[A-Z][\w'&.-]*+){0,5})"
    r"(?=\s*+(?:[,;]|\.?$))"
)
GENERIC_NP = re.compile(r"(?:the|a|an|its|their|[A-Z][\w.-]*+'s)\s[a-z][\w' -]*+$")
# The source of a figure named after it: ", a figure the pilots' union gave on Monday"
FIGURE_GIVEN = re.compile(
    r",\s*+(?:a|the)\s(?:figure|number|toll|estimate|count|tally)s?\s(?:that\s|which\s)?"
    r"(?P<np>(?:the\s|a\s|an\s)?[\w'.&-]++(?:\s[\w'.&-]++){0,5}?)\s(?P<cue>gave|gives|cited|"
    r"cites|reported|reports|released|provided|published|announced|estimated|issued)\b"
)
# ", citing Gladkov" / ", who cited senior officials" / ", quoting the mayor"
CITING = re.compile(r"\s*+,\s*+(?:citing|who cited|quoting)\s++")
# A speaker phrase after an inverted cue: '," said Ms. Rivera' / ', writes the Daily Herald'
# (or a lower-case role right before a name: '," said farmer Owen Lake')
INVERTED_NP = re.compile(
    rf"\s++(?P<np>(?:{ABBREVIATION}|[A-Z]|(?:the|a|an|its|their|one|two|three|some|several|senior|county|state|city|"
    rf"local|federal|police|fire|health)\s|[a-z]++(?:\s[a-z]++)?\s(?=[A-Z][a-z])){NP_BODY})"
)
NOUN_PHRASE = re.compile(rf"(?P<np>{NP_BODY})")
# An apposition after a speaker: ", an epidemiologist at the university," / ", who heads ..."
APPOSITION = re.compile(
    rf",\s*+(?P<desc>(?:an?|the|who|which|its|his|her|chief|head|director|spokes\w+|chair\w*|"
    rf"president|secretary|founder|co-founder|leader|coordinator|manager|deputy|editor|"
    rf"senior|executive|general|professor|owner|organi[sz]er)\s{NP_BODY})"
)

# Words trimmed from the end of a subject: "also", "has", "later", "on November 7"
TAIL_WORDS = (
    r"also|has|have|had|later|then|repeatedly|previously|earlier|already|once|again|recently|"
    r"formally|publicly|officially|first|further|not|did|would|will|could|now|still|"
    r"currently|separately|meanwhile|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"on (?:[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+)|last week|this week"
)
SUBJECT_TAIL = re.compile(rf"\s++(?:{TAIL_WORDS})$")
# "in a statement", "in his nightly address" closing a subject
IN_A_TAIL = re.compile(r"\s++in (?:a|an|his|her|their|its) [\w ]++$")
# Words trimmed from the start of a subject: "and", "but", "Meanwhile", "even as", "while"
# A wire dateline before the first subject: "OSTERVALE (Midland Wire) - ", "LONDON - "
DATELINE = re.compile(  # (the brackets may be masked as \x01 and \x02 while a subject is read)
    r"^[A-Z][A-Z.' -]{1,40}(?:,\s[A-Z][\w.]*+)?\s(?:[(\x01][^()\x01\x02]{1,40}[)\x02]\s)?"
    r"[-\u2013\u2014]+\s"
)
# A headline-style lead naming what the item is about: "Rio Tinto - The miner said ...",
# "Brent crude: Prices ..." (the speaker is what follows the dash)
HEADLINE_LEAD = re.compile(r"^[A-Z][\w&.'-]*+(?:\s[A-Z&][\w&.'-]*+){0,5}\s-+\s(?=\S)")
SUBJECT_HEAD = re.compile(
    r"^(?:and|but|so|yet|however|meanwhile|even as|as|while|though|although|because|since|"
    r"when|whereas|if|after|before|now|instead|still|also|separately|which|whom)\s++",
    re.IGNORECASE,
)
MAX_SEGMENT_WORDS = 60  # a comma segment longer than this holds no speaker phrase
# A comma-enclosed aside that is not the speaker: "alongside the foreign secretary"
ASIDE = re.compile(r"^(?:alongside|along with|together with|with|like|including|unlike)\b", re.I)
# Pronouns and generic descriptions that point back to an earlier speaker
PRONOUN = re.compile(r"^(?:he|she|him|her|they|them|it|who)$", re.IGNORECASE)
GENERIC_GROUP = re.compile(r"^(?:the |these |those )?(?:senior |top )?(?:officials|sources)$", re.I)
GROUP_MEMBER = re.compile(r"^(?:one|a|another) (?:senior |top )?(?:official|source)$", re.I)
GENERIC_PERSON = re.compile(
    r"^the (?:senior |top )?(?:official|spokes(?:man|woman|person)|minister)$", re.IGNORECASE
)
GENERIC_OUTLET = re.compile(
    r"^the (?:\w+ )?(?P<medium>broadcaster|publication|newspaper|agency|outlet|paper|channel)$",
    re.I,
)
# "the ministry", "the think tank", "the report", "this study": a reference to an earlier one
GENERIC_REFERENCE = re.compile(
    r"^(?:the|this|that|its|their) (?:[\w'-]+ ){0,2}?(?P<head>ministry|department|agency|"
    r"company|firm|utility|union|think tank|institute|organi[sz]ation|group|charity|council|"
    r"commission|"
    r"bureau|office|service|authority|report|study|survey|analysis|data|statement|document|audit|"
    r"review|census|government|administration|university|hospital|airline|operator|figures|"
    r"accounts|records|filings?|poll|estimates|documents|papers|emails|statistics|"
    r"coalition|alliance|foundation|court|regulator|campaign|network|lab|laboratory|"
    r"researchers|scientists|authors|team|experts|analysts|organi[sz]ers|airport|port|club|"
    r"league|school|college|bank|lender|insurer|retailer|supermarket|chain|carrier|trust|"
    r"force|station|clinic|prison|museum|zoo|brewery|hotel)$",
    re.I,
)
GENERIC_MEDIA = {
    "broadcaster": {"broadcaster"},
    "channel": {"broadcaster"},
    "publication": {"newspaper"},
    "newspaper": {"newspaper"},
    "paper": {"newspaper"},
    "agency": {"agency"},
}
MAX_SPEAKER_WORDS = 16
# Words that cannot start an inverted speaker ("said on Friday", "said that")
NOT_A_SPEAKER = re.compile(
    r"^(?:on|in|at|that|to|during|after|before|last|this|it|they|he|she|we|I|if|how|"
    r"what|when|whether|there|his|her|its|their|more|about|some|many|no|nearly|almost)\b"
)
# A finite verb inside a would-be subject makes it a clause: "Those evacuated include 300"
FINITE_VERB = re.compile(
    rf"\b(?:is|are|was|were|has|have|had|seen|include|includes|included|will|would|"
    rf"can|could|should|must|remain|remains|remained|rose|fell|gained|jumped|dropped|climbed|"
    rf"slid|grew|surged|plunged|slumped|soared|tumbled|closed|{CUE_ALTERNATION})\b"
)
# A subordinating conjunction inside a subject: the speaker is what follows the last one
# ("The cruise operator gained 2.2% after it" -> "it")
SUBORDINATOR = re.compile(
    r"\b(?:after|before|because|when|while|since|although|though|until|once|whereas|if|"
    r"unless|as)\s++(?=\S)"
)
# How a speaker phrase may start (a name, an article, a number, "senior", "officials")
SPEAKER_START = re.compile(
    r"(?:[A-Z]|the |an? |one |two |three |four |some |several |senior |officials|sources|police|"
    r"authorities|firefighters|rescuers|organi[sz]ers|people |persons? |someone |its |their |"
    r"[a-z]++(?: [a-z]++)? (?=[A-Z][a-z]))"  # a role before a name: "farmer Owen Lake"
)
# Head nouns of a lower-case speaker phrase: "county fire officials", "state police"
SPEAKER_NOUNS = frozenset(
    """officials official authorities police spokesperson spokesman spokeswoman ministry
    department agency government administration company firm utility union organisers
    organizers activists residents witnesses experts analysts economists researchers
    scientists forecasters firefighters rescuers paramedics doctors investigators prosecutors
    sources lawmakers leaders regulators executives officers troopers deputies commanders
    military army governor mayor president minister chief director manager sheriff
    coordinator superintendent commissioner secretary spokespeople crews workers responders
    staff team authors observers monitors agencies groups opposition party parties side
    rebels insurgents fighters campaign coalition district board economist analyst researcher
    scientist chairman chairwoman chair founder owner head treasurer lawyer lawyers attorney
    attorneys counsel""".split()
)
# Speakers named by a plural noun and where they work: "researchers at the Canary Islands
# Astrophysics Institute", "economists with the bank" (read when the last word names no speaker)
SPEAKERS_AT = re.compile(
    r"(?:researchers|scientists|analysts|economists|experts|doctors|engineers|officials|"
    r"investigators|astronomers|academics|lawyers|staff|volunteers|workers) (?:at|from|with|for|"
    r"of|in|(?:polled|surveyed|questioned|interviewed|consulted) by) ",
    re.IGNORECASE,
)
# The verb's object after it is whom they told, never the speaker: "..., told the Gazette"
ADDRESSEE_CUES = frozenset({"told", "tells"})
# Verbs never put before their subject: '"...," told X' or ', rejected the count' name no
# speaker after them (the subject is the apposed name before: "The carrier, Bluewing, rejected")
NOT_INVERTED = ADDRESSEE_CUES | DENIAL_CUES
# A relative pronoun ends the speaker part of a subject: "officials who spoke ..."
RELATIVE = re.compile(r"\s(?:who|which|that)\b.*$")


def _document_subject(core: str) -> bool:
    """A document named with who made, saw or released it: "Documents seen by the newspaper",
    "Figures released by the agency" (the verb of a reduced relative is no clause's verb)."""
    if not document_head(core):
        return False
    cut = DOCUMENT_HEAD_END.search(core)
    head = (core[: cut.start()] if cut else core).rsplit(None, 1)[0] if " " in core else ""
    return not FINITE_VERB.search(head)


@lru_cache(maxsize=16384)
def is_speaker_like(phrase: str, cue: str = "said") -> bool:
    """True when ``phrase`` can be the one who said something with the verb ``cue``.

    A clause (a finite verb inside) is not a speaker, nor a phrase over
    :data:`MAX_SPEAKER_WORDS` words. With a weak cue ("claimed", "continued", "found") the
    phrase must name someone who can speak: a name, a pronoun, a speaker noun or a document.
    """
    words = phrase.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return False
    if PRONOUN.match(phrase) or GENERIC_GROUP.match(phrase) or GROUP_MEMBER.match(phrase):
        return True
    core = RELATIVE.sub("", phrase)
    if not core.strip():
        return False
    if _document_subject(core) and len(words) <= MAX_SPEAKER_WORDS:
        return True
    head = core.split()[-1].lower().removesuffix("'s")
    known_head = head in SPEAKER_NOUNS or head in DOCUMENT_NOUNS
    # a head noun that looks like a verb ("estimates", "reports") is no verb of a clause
    body = core.rsplit(None, 1)[0] if known_head else core
    if FINITE_VERB.search(body if " " in core.strip() or not known_head else ""):
        return False
    if not (SPEAKER_START.match(phrase) or known_head or SPEAKERS_AT.match(core)):
        return False
    if cue in FINDING_CUES:
        return document_head(core)
    if cue in WEAK_CUE_SET:
        named = core[:1].isupper() and not re.match(r"(?:The|A|An|This|That)\b", core)
        return named or known_head or generic_type(core) != OTHER
    return True
