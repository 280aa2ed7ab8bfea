"""Boilerplate rules: named patterns of page furniture, each line dropped with the rule's name.

A rule names a convention of web pages, never a particular article: placeholder addresses,
live-page controls, donation appeals, newsletter and messenger prompts, related-link lines,
author boxes; and the furniture that an extractor lets through from real pages: skip links,
"Continue reading" and advertisement markers, weather widgets, script and style residue,
cookie banners, share bars, copyright footers. A rule can be held to short lines
(``max_words``), so that a sentence of reporting that merely mentions cookies, PayPal or
Telegram is kept. Every pattern is anchored or bounded, so no line can make it backtrack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # the pattern parser of the standard library, to tell which patterns are anchored
    from re import _constants as _C
    from re import _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

from helpers.clean.text import Line, RemovedLine


@dataclass(frozen=True)
class LineRule:
    """A named pattern of page furniture; a line matching any of ``patterns`` is dropped.

    With ``max_words``, only lines of at most that many words can match. With ``needles``,
    only lines holding one of them (lower case) are searched: a quick test in front of
    patterns that could match anywhere in a line.
    """

    name: str
    patterns: tuple[re.Pattern[str], ...]
    description: str
    max_words: int = 0
    needles: tuple[str, ...] = ()

    def matches(self, text: str, lower: str | None = None) -> bool:
        if self.needles:
            lower = text.lower() if lower is None else lower
            if not any(needle in lower for needle in self.needles):
                return False
        if self.max_words and len(text.split()) > self.max_words:
            return False
        return any(p.search(text) for p in self.patterns)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Theme placeholder contact block of WordPress news templates.
ADDRESS_LABEL = _rx(r"^physical address$")  # Physical Address
STREET_LINE = _rx(  # 304 North Cardinal St.
    r"^\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,4}(?:st|street|ave|avenue|rd|road|blvd|lane|ln|dr|drive)\.?$"
)
CITY_ZIP_LINE = re.compile(
    r"^[A-Z][A-Za-z .'-]+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$"
)  # Dorchester Center, MA 02124
# Controls of live-blog pages.
POST_COUNT = _rx(r"^\d+\s+posts?$")  # 2 Posts
SORT_CONTROL = _rx(r"^sort\s*by(?:dropdown|\b).{0,40}$")  # Sort byDropdown arrow / Sort by: newest
DROPDOWN_ARROW = _rx(r"^dropdown arrow$")  # Dropdown arrow
# Link to the full story at the end of a live-page post.
READ_FULL_STORY = _rx(
    r"^read (?:\S+ )?full (?:story|article|report)\b.{0,20}$"
)  # Read CNN's full story here.
# Donation appeals are recognised by their shape: a call to give (held to short lines, or
# followed by a payment word), a card or bank account number, a payment service followed by
# an account. A sentence that only mentions a payment service is reporting.
DONATION_WORDS = (  # the call: "Support us", "Donate now", "Підтримати нас можна через:"
    r"(?:support (?:us|our (?:work|journalism|newsroom|reporting)|independent journalism)"
    r"|donate|make a donation|become a (?:patron|member|supporter)|підтримати нас|підтримайте)"
)
PAYMENT_NEEDLES = (  # the payment words, as plain lower-case text
    "paypal", "patreon", "venmo", "monobank", "privatbank", "приват", "ko-fi", "buy me a coffee",
    "revolut", "bank transfer", "iban", "bitcoin", "btc", "usdt",
)  # fmt: skip
PAYMENT_WORDS = (  # payment services and account words
    r"(?:paypal|patreon|venmo|monobank|privatbank|приват|ko-fi|buy me a coffee|revolut"
    r"|bank transfer|iban|bitcoin|btc|usdt)"
)
DONATION_CALL = _rx(rf"^{DONATION_WORDS}\b[^.?!]{{0,80}}[:!]?\s*$")  # a call that is no sentence
DONATION_CALL_PAYMENT = _rx(  # Support us via PayPal or Patreon, every hryvnia counts
    rf"^{DONATION_WORDS}\b.{{0,200}}?\b{PAYMENT_WORDS}\b"
)
CARD_NUMBER = re.compile(r"\b\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}\b")  # 5169 3351 0164 7408
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b")  # UA21 3223 ...
PAYMENT_HANDLE = _rx(  # PayPal - [email protected] / Patreon: patreon.com/x / Monobank: 4441...
    rf"\b{PAYMENT_WORDS}\s*[:\-\u2013\u2014]\s*"
    r"(?:\[email\s*protected\]|[\w.+-]{1,64}@[\w-]{1,63}\.|https?://|www\.|[\w-]{1,63}\.(?:com|me|org)\b"
    r"|\d{4}[ -]?\d{4}|[A-Za-z0-9]{26,})"
)
EMAIL_ARTEFACT = _rx(r"\[email\s*protected\]")  # [email protected] (Cloudflare e-mail obfuscation)
# Newsletter and messenger prompts.
SUBSCRIBE_PROMPT = _rx(r"^subscribe to (?:our|the) \w+")  # Subscribe to our newsletter
SUBSCRIBED_NOTICE = _rx(r"^you are (?:now )?subscribed\b")  # You are subscribed to our newsletter
MESSENGER_PROMPT = _rx(  # or on ours Telegram / Follow us on Telegram
    r"^(?:or |and )?(?:on |follow |join )(?:us |our |ours )?(?:on )?"
    r"(?:telegram|facebook|twitter|instagram|whatsapp|viber|youtube)\b.{0,20}$"
)
THANKS_LINE = _rx(r"^thank you[!.]*$")  # Thank you!!
# Lines that only link to other stories of the site.
RELATED_LINK = _rx(r"^(?:see also|see more|read also|read more|related)\s*:")  # See also : ...
SOURCE_LINK = _rx(r"^source link$")  # Source link
COMMENT_COUNT = _rx(r"^comments?\s*\(\d+\)$")  # Comment (0)
# WordPress author boxes: this line starts a block that runs to the end of the article.
AUTHOR_BOX_START = _rx(r"^the following (?:\w+ )?tabs? change content below\.?$")
COMMENT_FORM = _rx(r"^leave a (?:reply|comment)$")  # Leave a Reply
# Skip links for keyboard and screen-reader users: Skip to main content / Jump to navigation
SKIP_LINK = _rx(r"^(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|menu|search|footer)$")
# Markers around advertisements and paywalled teasers.
CONTINUE_READING = _rx(  # Continue Reading Below / Story continues below advertisement
    r"^(?:(?:continue|keep) reading|(?:story|article|text) continues)"
    r"(?: (?:below|after|the (?:main )?(?:story|article)))?"
    r"(?: (?:this |the )?(?:advertisement|ad))?"
    r"[.:\u2026>\s]*$"
)
MORE_LINK = _rx(
    r"^(?:read|see|show|load) more(?: stories| news| articles)?[.\u2026>\s]*$"
)  # Load more
ADVERT_MARKER = _rx(  # Advertisement / Sponsored content / Scroll to continue with content
    r"^(?:advertisement|advert|ad|sponsored(?: content)?|paid content|promoted"
    r"|scroll to continue(?: with content)?)[:\s]*$"
)
# Weather widgets of local news sites: "Rain icon/33º", "Partly cloudy 21°C", "72°F".
WEATHER_WORDS = (
    r"(?:partly|mostly|light|heavy|scattered|clear|sunny|cloudy|clouds|rain|showers?|snow"
    r"|sleet|fog|mist|haze|storms?|thunderstorms?|drizzle|overcast|windy|fair|icon|weather"
    r"|high|low|now|today|and)"
)
TEMPERATURE = r"-?\d{1,3} ?[\u00b0\u00ba] ?[CF]?"  # 33º / 21°C / -4 °F
WEATHER_WIDGET = _rx(
    rf"^(?:{WEATHER_WORDS}[\s/|:,-]{{0,3}}){{0,6}}{TEMPERATURE}(?:[\s/|-]{{1,3}}{TEMPERATURE})?$"
)
# What is left of scripts, styles and markup when a page is copied as text.
SCRIPT_CODE = re.compile(  # function(){ / window.dataLayer / var x = / googletag.cmd
    r"\bfunction\s*\(|\b(?:window|document)\.[A-Za-z_]|\b(?:var|let|const)\s+[A-Za-z_$][\w$]{0,60}\s*="
    r"|\bdataLayer\b|\bgoogletag\b|\bgtag\(|=>\s*\{"
)
SCRIPT_NEEDLES = (  # what SCRIPT_CODE needs, as plain lower-case text
    "function", "window.", "document.", "var ", "let ", "const ", "datalayer", "googletag",
    "gtag(", "=>",
)  # fmt: skip
STYLE_RULE = re.compile(  # .share{color:red} / @media (max-width: 600px) {
    r"^(?:@[a-z-]{1,30}\b[^{}]{0,200}\{"
    r"|[.#]?[A-Za-z][\w .#:>,*\[\]=\"'-]{0,200}\{(?=[^{}]{0,500}:)[^{}]{0,1000}\}?)$"
)
CODE_PUNCTUATION = re.compile(r"^[{}()\[\];,\s]{1,40}$")  # }); / } / ];
MARKUP_LINE = re.compile(r"^</?[A-Za-z][A-Za-z0-9]{0,20}\b[^<>]{0,500}>$")  # <div class="ad">
NOSCRIPT_NOTICE = _rx(  # Please enable JavaScript to view this content
    r"\b(?:enable javascript|javascript is (?:disabled|required|not enabled)"
    r"|your browser does not support)"
)
# Cookie and consent banners (short lines only).
COOKIE_NOTICE = _rx(  # We use cookies to improve your experience / Accept all cookies
    r"\b(?:we|this (?:site|website)|our (?:site|website|partners)) (?:use|uses) cookies\b"
    r"|\baccept (?:all )?cookies\b|\bcookie (?:settings|preferences|policy|consent)\b"
    r"|\bby (?:continuing to use|using) (?:this|our) (?:site|website)"
    r"|\bmanage (?:cookie|consent|privacy) (?:settings|preferences|choices)\b"
)
COOKIE_NEEDLES = ("cookie", "by continuing to use", "by using this", "by using our", "manage ")
CONSENT_BUTTON = _rx(
    r"^(?:accept|reject|decline|agree|i agree|got it|ok)(?: all)?[.!]?$"
)  # Accept all
# Share bars: a line of nothing but share targets. Share / Facebook Twitter Email / Copy link
SHARE_WORDS = (
    r"(?:share(?: this)?(?: article| story| on)?|tweet|e-?mail|print|copy(?: link)?"
    r"|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|flipboard|messenger"
    r"|bluesky|threads|mastodon)"
)
SHARE_BAR = _rx(rf"^(?:{SHARE_WORDS}[\s|/\u00b7\u2022,:!]{{0,4}}){{1,12}}$")
COPYRIGHT_LINE = _rx(  # (c) 2023 Coastline Courier. All rights reserved.
    r"^(?:\u00a9|\(c\)|copyright)\s*(?:\u00a9\s*)?\d{4}\b|\ball rights reserved[.!]?$"
)

BOILERPLATE_RULES: tuple[LineRule, ...] = (
    LineRule(
        "address-placeholder",
        (ADDRESS_LABEL, STREET_LINE, CITY_ZIP_LINE),
        "the contact-address block of a site template",
    ),
    LineRule(
        "live-page-controls",
        (POST_COUNT, SORT_CONTROL, DROPDOWN_ARROW),
        "live-blog post count and sorting",
    ),
    LineRule("read-full-story", (READ_FULL_STORY,), "a link to the full story"),
    LineRule(
        "donation-appeal",
        (CARD_NUMBER, IBAN, DONATION_CALL_PAYMENT, DONATION_CALL),
        "a request for money: a card or account number, a call to donate naming a payment "
        "service, or a bare call ('Support us:')",
    ),
    LineRule(
        "donation-appeal",
        (PAYMENT_HANDLE,),
        "a payment service followed by its account ('PayPal - ...')",
        needles=PAYMENT_NEEDLES,
    ),
    LineRule("email-artefact", (EMAIL_ARTEFACT,), "a contact line with an obfuscated e-mail"),
    LineRule(
        "newsletter-prompt",
        (SUBSCRIBE_PROMPT, SUBSCRIBED_NOTICE),
        "an invitation to subscribe, or the notice that you did",
    ),
    LineRule("messenger-prompt", (MESSENGER_PROMPT,), "an invitation to follow a social channel"),
    LineRule("thanks-line", (THANKS_LINE,), "a bare 'Thank you' line"),
    LineRule(
        "related-link", (RELATED_LINK,), "a 'See also :' / 'Read more :' link to another story"
    ),
    LineRule("source-link", (SOURCE_LINK,), "a bare 'Source link' link"),
    LineRule("comment-count", (COMMENT_COUNT,), "the comment counter"),
    LineRule("author-bio", (AUTHOR_BOX_START,), "an author box and the bio that follows it"),
    LineRule("comment-form", (COMMENT_FORM,), "the comment form heading"),
    LineRule("skip-link", (SKIP_LINK,), "'Skip to main content' and other skip links"),
    LineRule(
        "continue-reading",
        (CONTINUE_READING, MORE_LINK, ADVERT_MARKER),
        "'Continue reading', 'Load more' and advertisement markers",
    ),
    LineRule("weather-widget", (WEATHER_WIDGET,), "a weather widget (conditions, temperature)"),
    LineRule(
        "script-residue",
        (SCRIPT_CODE,),
        "JavaScript left in the text",
        max_words=60,
        needles=SCRIPT_NEEDLES,
    ),
    LineRule(
        "script-residue",
        (STYLE_RULE, CODE_PUNCTUATION, MARKUP_LINE),
        "CSS rules, lone brackets or markup left in the text",
    ),
    LineRule(
        "script-residue",
        (NOSCRIPT_NOTICE,),
        "a notice to enable JavaScript",
        max_words=60,
        needles=("javascript", "browser"),
    ),
    LineRule(
        "cookie-banner",
        (COOKIE_NOTICE,),
        "a cookie or consent banner",
        max_words=60,
        needles=COOKIE_NEEDLES,
    ),
    LineRule("cookie-banner", (CONSENT_BUTTON,), "the buttons of a consent banner"),
    LineRule("share-bar", (SHARE_BAR,), "a row of share buttons"),
    LineRule(
        "copyright-line",
        (COPYRIGHT_LINE,),
        "the site's copyright footer",
        max_words=25,
        needles=("\u00a9", "(c)", "copyright", "all rights reserved"),
    ),
)
AUTHOR_BIO = "author-bio"


def _anchored(pattern: re.Pattern[str]) -> bool:
    """True when ``pattern`` can only match at the start of a line: its parsed form starts
    with ``^`` (a top-level ``|`` parses as one branch item, unless every branch starts with
    ``^``)."""
    parsed = list(_parser.parse(pattern.pattern, pattern.flags))
    return bool(parsed) and parsed[0] == (_C.AT, _C.AT_BEGINNING)


def _scoped(pattern: re.Pattern[str]) -> str:
    return f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else f"(?:{pattern.pattern})"


# A quick test in front of the rules, for the lines of reporting that no rule names (nearly
# all): the patterns that only match at a line's start, in one pattern tried there once, and
# the rules holding any other pattern, tried as they are.
_ANCHORED = re.compile(
    "|".join(_scoped(p) for r in BOILERPLATE_RULES for p in r.patterns if _anchored(p))
)
_OTHER_RULES = tuple(r for r in BOILERPLATE_RULES if not all(map(_anchored, r.patterns)))


def boilerplate_rule(text: str) -> str | None:
    """Return the name of the first boilerplate rule matching one line, or None.

    >>> boilerplate_rule("Sort byDropdown arrow"), boilerplate_rule("The mayor denied it.")
    ('live-page-controls', None)
    """
    lower = text.lower()
    if _ANCHORED.match(text) is None and not any(r.matches(text, lower) for r in _OTHER_RULES):
        return None
    for rule in BOILERPLATE_RULES:
        if rule.matches(text, lower):
            return rule.name
    return None


def drop_boilerplate(lines: list[Line]) -> tuple[list[Line], list[RemovedLine]]:
    """Split non-blank lines into kept lines and boilerplate (with the rule that matched).

    After an author-box line, every later line is author bio unless another rule names it.
    """
    kept: list[Line] = []
    removed: list[RemovedLine] = []
    in_author_box = False
    for line in lines:
        if not line.text:
            continue
        rule = boilerplate_rule(line.text)
        if rule == AUTHOR_BIO:
            in_author_box = True
        elif rule is None and in_author_box:
            rule = AUTHOR_BIO
        if rule:
            removed.append(RemovedLine(line.line_no, rule, line.raw))
        else:
            kept.append(line)
    return kept, removed
