"""Documents as sources: "the report", "data collected by the agency", "court records".

A phrase is a document when its head noun is one (:data:`DOCUMENT_NOUNS`): estimates, figures,
data, a survey, a poll, a report, a study, records, filings, accounts ... Its canonical name is
its author when the phrase names one, else the document itself:

>>> document_head("Data compiled by the Port of Rotterdam"), document_head("Redfield Research")
(True, False)
>>> document_author("A poll by Redfield Research released Tuesday")
'Redfield Research'
>>> document_author("The ministry's own figures"), document_author("Police records")
('The ministry', 'Police')
>>> document_author("Records obtained by the Herald"), document_name("Official estimates")
('', 'estimates')
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.claims.institutions import institution_type
from helpers.claims.names import MAX_PHRASE_CHARS

# Nouns that make a phrase a document: "the report", "data", "census figures", "a statement"
DOCUMENT_NOUNS = frozenset(
    """report reports study studies survey surveys poll polls analysis analyses data dataset
    figures statistics stats census audit review assessment estimate estimates statement
    statements filing filings document documents records indictment complaint lawsuit memo
    memos letter letters release bulletin update dashboard database index forecast forecasts
    projections model tally count ranking inventory investigation paper research findings
    numbers tallies readings transcript assessments briefing notice post images imagery
    photos footage logs website site tracker map maps accounts emails minutes spreadsheet
    spreadsheets papers returns budget submissions calculations modelling modeling judgment
    judgement judgments judgements results""".split()
)
# Where the head of a noun phrase ends: "data | collected by the agency", "report | by GAO"
HEAD_END = re.compile(
    r"\s(?:by|from|of|for|at|in|on|with|released|published|collected|compiled|issued|"
    r"obtained|seen|reviewed|prepared|produced|who|that|which|shared|posted|cited|made|"
    r"polled|surveyed|analy[sz]ed|\w+ed\s+by)\b",
    re.IGNORECASE,
)
# Nouns that make the words before a document its author: "government data", "police figures"
AUTHOR_NOUNS = frozenset(
    """government police ministry department agency company council county city state federal
    army military union industry hospital court tribunal university""".split()
)
# An author inside a document phrase: "report by the GAO", "data from the county"
DOCUMENT_AUTHOR = re.compile(
    r"\b(?P<verb>\w+\s++)?(?:by|from|(?P<of>of)(?=\s++(?:the\s++)?[A-Z]))\s++(?P<author>.+)$", re.I
)
# Verbs before "by" whose agent did not write the document: "records obtained by the Herald"
NOT_AUTHORED = frozenset(
    """obtained seen reviewed viewed cited quoted reported leaked shared posted""".split()
)
# Where an author phrase ends: "Redfield Research | released Tuesday", "the GAO | on Monday",
# "Meridian Research | for the Evening Courier" (who commissioned it did not write it)
AUTHOR_END = re.compile(
    r"\s(?:released|published|issued|posted|shared|made|out|on|last|this|earlier|dated|for the|"
    r"which|that|who|showed|shows|found|finds)\b|,|\sof\s(?=(?:more than |nearly |about |"
    r"over |some |almost )?\d)",
    re.IGNORECASE,
)
# Words before a document that describe it rather than name its author
DESCRIPTIVE = frozenset(
    """the a an new latest own its their his her this that these those first final early
    preliminary provisional official annual monthly weekly quarterly daily internal
    confidential leaked recent previous separate further updated""".split()
)
# An adjective by its ending: "Regulatory", "Official", "Leaked", "Preliminary"
ADJECTIVE_ENDING = re.compile(r"(?:al|ary|ory|ial|ive|ic|ous|ed|ing|ly)$", re.IGNORECASE)
TRIM = " ,;:.\"'"
# Pronouns that own a document: "its quarterly filing", "their own survey"
OWNER_PRONOUNS = frozenset({"its", "their"})
# A document and the clause that says who made it: "a map the department published on
# Wednesday", "figures that the ministry released"
DOCUMENT_BY_CLAUSE = re.compile(
    r"(?:(?:the|a|an|new)\s)?(?:\w+\s)?(?:"
    + "|".join(sorted(DOCUMENT_NOUNS, key=len, reverse=True))
    + r")\s(?:that\s|which\s)?(?P<author>(?:the\s)?[\w'.&-]++(?:\s[\w'.&-]++){0,5}?)\s"
    r"(?:published|released|compiled|issued|prepared|produced|posted|put out|commissioned)\b",
    re.IGNORECASE,
)


def _head_words(text: str) -> list[str]:
    cut = HEAD_END.search(text)
    return (text[: cut.start()] if cut else text).split()


@lru_cache(maxsize=8192)
def document_head(phrase: str) -> bool:
    """True when the head noun of ``phrase`` is a document: "data collected by the agency",
    "a map the department published".

    A capitalised head after another capitalised word is a name, not a document ("Redfield
    Research", "Pew Research").
    """
    text = phrase[:MAX_PHRASE_CHARS].strip(TRIM)
    if DOCUMENT_BY_CLAUSE.match(text):
        return True
    head = _head_words(text)
    if not head:
        return False
    word = head[-1].lower().removesuffix("'s").removesuffix("'")
    if word not in DOCUMENT_NOUNS:
        return False
    if len(head) >= 2 and head[-1][:1].isupper() and head[-2][:1].isupper():
        return head[-2].lower() in DESCRIPTIVE
    return True


def document_author(phrase: str) -> str:
    """The author named in a document phrase, or "": "a report by the GAO" -> "the GAO".

    "by X" names the author unless the verb before it says X only obtained or cited the
    document; a possessive names it ("the agency's data"), and so do an author noun ("police
    figures") and capitalised words that are not adjectives ("NHS figures", "Census data").
    """
    text = phrase[:MAX_PHRASE_CHARS].strip(TRIM)
    match = DOCUMENT_AUTHOR.search(text)
    if match:
        verb = (match.group("verb") or "").strip().lower()
        author = match.group("author")
        end = AUTHOR_END.search(author)
        author = (author[: end.start()] if end else author).strip(TRIM)
        if match["of"] and not institution_type(author):
            author = ""  # "a survey of Britons" names whom it asked; "the report of the
            # Prison Inspectorate" its author
        if verb not in NOT_AUTHORED and author and not document_head(author):
            return author
        if verb in NOT_AUTHORED:
            text = text[: match.start()].strip(TRIM)
    head = _head_words(text)
    possessive = [i for i, w in enumerate(head) if w.endswith(("'s", "s'"))]
    if possessive:  # "the agency's data", "the county's own figures", "Landlords' association
        # figures": the owner, with the nouns after it that are not descriptive
        words = head[: possessive[-1] + 1]
        nouns = [w for w in head[possessive[-1] + 1 : -1] if w.lower() not in DESCRIPTIVE]
        if nouns and institution_type(nouns[-1]):
            words += nouns  # "Landlords' association figures", not "the authority's performance"
        return " ".join(words).removesuffix("'s").removesuffix("'")
    if head and head[0].lower() in OWNER_PRONOUNS:
        return head[0]  # "its quarterly filing": whose is resolved by the caller
    relative = DOCUMENT_BY_CLAUSE.match(text)
    if relative and not document_head(relative.group("author")):
        return relative.group("author")  # "a map the department published"
    modifiers = [w for w in head[:-1] if w.lower() not in DESCRIPTIVE]
    if modifiers and any(w.lower() in AUTHOR_NOUNS for w in modifiers):
        return " ".join(modifiers)  # "a government report", "police figures"
    named = [w for w in modifiers if w[:1].isupper() and not ADJECTIVE_ENDING.search(w)]
    if named and len(named) == len(modifiers):
        return " ".join(named)  # "Census Bureau data", "NHS figures"
    if len(modifiers) >= 2 and all(w[:1].isupper() for w in modifiers):
        if institution_type(" ".join(modifiers)):  # "A National Audit Office report": an
            return " ".join(modifiers)  # organisation's name, though it opens with an adjective
    return ""


def document_name(phrase: str) -> str:
    """The document a phrase names, when it names no author: "Official estimates" ->
    "estimates", "Records obtained by the Herald" -> "Records"."""
    if document_author(phrase):
        return ""
    head = _head_words(phrase[:MAX_PHRASE_CHARS].strip(TRIM))
    return head[-1] if head else ""
