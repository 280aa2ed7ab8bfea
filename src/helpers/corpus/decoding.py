"""Turn the bytes of a raw file into text: byte-order marks, UTF-8, UTF-16, detected encodings.

:func:`decode_bytes` never raises: it returns a :class:`Decoded` holding the text and the
encoding, or the reason the bytes are not text (:func:`binary_reason`, or no encoding reads
them). Files that are not UTF-8 are detected with ``charset-normalizer``; for English news the
usual legacy encoding, cp1252, is preferred whenever it reads the bytes as cleanly as the best
candidate (short texts give the detector little to go on, and it often names a cousin such as
cp1250 that turns "naïve" into "naďve").

>>> decode_bytes("café".encode("cp1252")).encoding
'cp1252'
>>> decode_bytes("\\ufeffsaid 40".encode("utf-16")).text
'said 40'
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

BINARY_CONTROL_SHARE = 0.10  # refuse as binary when this share of bytes are control bytes
TEXT_CONTROL_BYTES = frozenset(b"\t\n\r\f\v")  # control bytes that ordinary text contains
UTF16_NUL_SHARE = 0.3  # NUL bytes in one half (odd or even positions) of UTF-16 text, at least
UTF16_OTHER_NUL_SHARE = 0.05  # ... while the other half has hardly any
CHAOS_TOLERANCE = 0.01  # candidates this close to the cleanest reading count as equally clean
# Legacy encodings preferred, in this order, among equally clean readings.
PREFERRED_ENCODINGS = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "koi8_r")
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes: ``text`` and ``encoding``, or ``reason`` when it is not text.

    ``note`` says what a reader should know ("not UTF-8; decoded as cp1252"), "" otherwise.
    """

    text: str = ""
    encoding: str = ""
    note: str = ""
    reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.reason


def binary_reason(data: bytes) -> str | None:
    """Return why ``data`` is not text (NUL bytes, mostly control bytes), or None if it is text.

    UTF-16 and UTF-32 text holds NUL bytes too: call this on bytes that are not UTF-16
    (:func:`decode_bytes` does).
    """
    if b"\x00" in data:
        return "binary file (contains NUL bytes)"
    sample = data[:65536]
    control = sum(1 for b in sample if (b < 32 and b not in TEXT_CONTROL_BYTES) or b == 127)
    if sample and control / len(sample) > BINARY_CONTROL_SHARE:
        return f"binary file ({control / len(sample):.0%} control bytes, not text)"
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" when NUL bytes sit in one half of the byte pairs.

    ASCII letters written in UTF-16 have a NUL byte beside each letter: at odd positions in
    little-endian text, at even positions in big-endian text.
    """
    sample = data[:65536]
    if len(sample) < 4 or len(sample) % 2:
        return None
    half = len(sample) // 2
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd >= UTF16_NUL_SHARE and even <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE and odd <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def detect_encoding(data: bytes) -> str | None:
    """Name the legacy (8-bit) encoding that reads ``data`` most cleanly, or None.

    Asks ``charset-normalizer`` for its candidates (leaving out UTF-16/32, which are found by
    their byte-order mark or NUL pattern) and prefers :data:`PREFERRED_ENCODINGS` among those
    as clean as the best.
    """
    matches = [
        m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32", "utf_7"))
    ]
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    clean = [m for m in matches if m.chaos <= cleanest + CHAOS_TOLERANCE]
    readable = {name for m in clean for name in (m.encoding, *m.could_be_from_charset)}
    for name in PREFERRED_ENCODINGS:
        if name in readable and _strict(data, name) is not None:
            return name
    return clean[0].encoding


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``: a byte-order mark first, then UTF-8, UTF-16 without mark, detection.

    A UTF-8 byte-order mark followed by bytes that are not UTF-8 (a Windows editor's doing)
    is dropped and the rest detected, with a note. Returns a :class:`Decoded`; its ``reason``
    is set when the bytes are binary or no encoding reads them.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is not None:
                return Decoded(text.removeprefix("\ufeff"), encoding)
            if encoding != "utf-8-sig":
                return Decoded(reason=f"bad encoding: starts with a {encoding} mark but is not")
            rest = _decode_legacy(data[len(bom) :])
            if not rest.ok:
                return rest
            note = (
                f"starts with a UTF-8 byte-order mark but is not UTF-8; decoded as {rest.encoding}"
            )
            return Decoded(rest.text, rest.encoding, note)
    wide = utf16_without_bom(data)
    if wide:
        text = _strict(data, wide)
        if text is not None:
            return Decoded(text, wide, f"UTF-16 without a byte-order mark; decoded as {wide}")
    reason = binary_reason(data)
    if reason:
        return Decoded(reason=reason)
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> Decoded:
    """Decode bytes that are not UTF-8 with the encoding :func:`detect_encoding` names."""
    reason = binary_reason(data)
    if reason:
        return Decoded(reason=reason)
    encoding = detect_encoding(data)
    text = _strict(data, encoding) if encoding else None
    if text is None:
        return Decoded(reason="bad encoding: not UTF-8, and no other encoding reads it cleanly")
    name = codecs.lookup(encoding).name
    return Decoded(text, name, f"not UTF-8; decoded as {name}")
