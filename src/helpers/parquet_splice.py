"""Join Parquet files of one schema into one file by copying their encoded row groups, without
decoding or compressing a single value again.

A Parquet file is ``PAR1``, the row groups' column chunks, a footer (the file's metadata,
Thrift compact protocol) and its length, and ``PAR1`` again. The footer alone says where each
column chunk starts, in bytes from the start of the file. So files of the same schema join by
writing each file's bytes between the magic and the footer one after another, and a footer
that lists every file's row groups with their offsets moved by where the file's bytes now
begin (and the row count summed). The result is the file a writer would give with one row
group per input row group, and costs a file copy: notebook 02 copies the pass's figures
buckets (zstd, one row group each) into the report this way, so that a run after a few
articles changed rewrites no figure, and any run gives the same bytes for the same buckets.

:func:`splice` refuses (returns None, writing nothing) files whose footers differ in
anything but their row groups and row count (another schema, other key-value metadata,
another writer), encrypted files, files with page indexes (an offset index gives each page's
place in the file, and it lies in the bytes copied as they are), and footers it cannot read
back to the same bytes; the caller then writes the rows the ordinary way.
"""

from __future__ import annotations

import os
import secrets
import struct
from collections.abc import Sequence
from pathlib import Path

MAGIC = b"PAR1"
# Thrift compact protocol type codes (the low four bits of a field or element header).
TRUE, FALSE, BYTE, I16, I32, I64, DOUBLE, BINARY, LIST, SET, MAP, STRUCT, UUID = range(1, 14)
FIXED = {BYTE: 1, DOUBLE: 8, UUID: 16}  # types stored as that many raw bytes

# Field ids of parquet.thrift that splicing reads or moves.
NUM_ROWS, ROW_GROUPS, ENCRYPTION = 3, 4, 8  # FileMetaData
RG_COLUMNS, RG_FILE_OFFSET, RG_ORDINAL = 1, 5, 7  # RowGroup
CC_FILE_OFFSET, CC_META, CC_OFFSET_INDEX, CC_COLUMN_INDEX = 2, 3, 4, 6  # ColumnChunk
# ColumnMetaData: data_page_offset, index_page_offset, dictionary_page_offset,
# bloom_filter_offset
META_OFFSETS = (9, 10, 11, 14)


def _uvarint(data: bytes, pos: int) -> tuple[int, int]:
    """An unsigned varint at ``pos``, and where the next value starts."""
    shift = result = 0
    while True:
        value = data[pos]
        pos += 1
        result |= (value & 0x7F) << shift
        if not value & 0x80:
            return result, pos
        shift += 7


def _varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _from_zigzag(value: int) -> int:
    return (value >> 1) ^ -(value & 1)


def _to_zigzag(value: int) -> int:
    return (value << 1) ^ (value >> 63)


def _skip(data: bytes, pos: int, kind: int) -> int:
    """Where the value of type ``kind`` at ``pos`` ends (one tight loop per struct: a footer
    holds some thousand fields per row group)."""
    if kind == STRUCT:
        while True:
            header = data[pos]
            pos += 1
            if header == 0:
                return pos
            if not header & 0xF0:  # a field id that does not fit the header
                while data[pos] & 0x80:
                    pos += 1
                pos += 1
            kind = header & 0x0F
            if I16 <= kind <= I64:
                while data[pos] & 0x80:
                    pos += 1
                pos += 1
            elif kind == BINARY:
                size, pos = _uvarint(data, pos)
                pos += size
            elif kind > FALSE:
                pos = _skip(data, pos, kind)
    if kind in FIXED:
        return pos + FIXED[kind]
    if I16 <= kind <= I64:
        while data[pos] & 0x80:
            pos += 1
        return pos + 1
    if kind == BINARY:
        size, pos = _uvarint(data, pos)
        return pos + size
    if kind in (LIST, SET):
        size, element, pos = _list_header(data, pos)
        if element in (TRUE, FALSE):  # a bool element is one byte
            return pos + size
        if I16 <= element <= I64:  # histograms and encodings: many small integers
            for _ in range(size):
                while data[pos] & 0x80:
                    pos += 1
                pos += 1
            return pos
        for _ in range(size):
            pos = _skip(data, pos, element)
        return pos
    if kind == MAP:
        size, pos = _uvarint(data, pos)
        if size:
            types = data[pos]
            pos += 1
            for _ in range(size):
                pos = _skip(data, _skip(data, pos, types >> 4), types & 0x0F)
        return pos
    raise ValueError(f"unknown Thrift compact type {kind}")


def _list_header(data: bytes, pos: int) -> tuple[int, int, int]:
    header = data[pos]
    size, element = header >> 4, header & 0x0F
    if size == 15:
        size, pos = _uvarint(data, pos + 1)
        return size, element, pos
    return size, element, pos + 1


def _fields(data: bytes, pos: int):
    """Per field of the struct at ``pos``: (field id, type, where its header starts, where its
    value starts, where it ends); the last item's end is past the struct's stop byte."""
    last = 0
    while True:
        head = pos
        header = data[pos]
        pos += 1
        if header == 0:
            yield 0, 0, head, pos, pos
            return
        delta, kind = header >> 4, header & 0x0F
        if delta:
            field = last + delta
        else:
            field, pos = _uvarint(data, pos)
            field = _from_zigzag(field)
        start = pos
        pos = pos if kind in (TRUE, FALSE) else _skip(data, pos, kind)
        yield field, kind, head, start, pos
        last = field


def _moved(
    data: bytes,
    pos: int,
    offsets: Sequence[int],
    nested: dict | None,
    shift: int,
    ordinal: int | None = None,
) -> tuple[bytes, int]:
    """The struct at ``pos`` with its i64 fields ``offsets`` moved by ``shift`` (0, unset, is
    left alone), the structs or lists of structs named in ``nested`` (field id -> offsets,
    nested) rewritten the same way, and the RowGroup ordinal set to ``ordinal``; and where the
    struct ends."""
    out = bytearray()
    for field, kind, head, start, end in _fields(data, pos):
        if field == 0:
            out.append(0)
            return bytes(out), end
        out += data[head:start]
        if field == CC_OFFSET_INDEX and offsets is CHUNK[0]:
            # an offset index lists its pages by their place in the file, inside bytes copied
            # as they are: those places would not move
            raise ValueError("a column chunk with an offset index")
        if kind == I64 and field in offsets:
            value = _from_zigzag(_uvarint(data, start)[0])
            out += _varint(_to_zigzag(value + shift if value > 0 else value))
        elif kind == I16 and field == RG_ORDINAL and ordinal is not None:
            out += _varint(_to_zigzag(ordinal))
        elif nested and field in nested and kind == STRUCT:
            out += _moved(data, start, *nested[field], shift)[0]
        elif nested and field in nested and kind == LIST:
            size, element, at = _list_header(data, start)
            out += data[start:at]
            for _ in range(size):
                moved, at = _moved(data, at, *nested[field], shift)
                out += moved
        else:
            out += data[start:end]
    raise ValueError("a Thrift struct without its stop byte")


# What moves in a RowGroup: its file_offset; in each ColumnChunk of its columns, file_offset
# and where its page indexes are; in the chunk's ColumnMetaData, where its pages are.
CHUNK = ((CC_FILE_OFFSET, CC_OFFSET_INDEX, CC_COLUMN_INDEX), {CC_META: (META_OFFSETS, None)})
ROW_GROUP = ((RG_FILE_OFFSET,), {RG_COLUMNS: CHUNK})


def footer(path: Path) -> tuple[bytes, int]:
    """The footer bytes of a Parquet file and where they start."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(size - 8)
        tail = handle.read(8)
        length = struct.unpack("<I", tail[:4])[0]
        start = size - 8 - length
        if head != MAGIC or tail[4:] != MAGIC or start < 4:
            raise ValueError(f"{path} is not a Parquet file")
        handle.seek(start)
        return handle.read(length), start


def _file_parts(data: bytes, shift: int, first_ordinal: int):
    """Of one footer: its fields but the row count and row groups (header and value bytes, to
    compare between files), its row count, and its row groups moved by ``shift``."""
    rest, rows, groups = [], 0, []
    for field, kind, head, start, end in _fields(data, 0):
        if field == NUM_ROWS and kind == I64:
            rows = _from_zigzag(_uvarint(data, start)[0])
            rest.append((field, data[head:start], None))
        elif field == ROW_GROUPS and kind == LIST:
            size, element, at = _list_header(data, start)
            for number in range(size):
                moved, at = _moved(data, at, *ROW_GROUP, shift, ordinal=first_ordinal + number)
                groups.append(moved)
            rest.append((field, data[head:start], None))
        elif field == ENCRYPTION:
            raise ValueError("an encrypted Parquet file")
        elif field:
            rest.append((field, data[head:start], data[start:end]))
    return rest, rows, groups


def spliced_footer(files: Sequence[Path]) -> tuple[bytes, list[tuple[int, int]], int] | None:
    """The footer of the file that joins ``files``, per file the (start, length) of the bytes
    to copy, and the rows in all; None when they cannot be joined (see the module's
    docstring)."""
    shared, groups, ranges, rows, position = None, [], [], 0, len(MAGIC)
    for path in files:
        data, start = footer(path)
        try:
            rest, count, found = _file_parts(data, position - len(MAGIC), len(groups))
        except (IndexError, ValueError):
            return None
        if shared is None:
            shared = rest
        elif rest != shared:
            return None
        rows += count
        groups += found
        ranges.append((len(MAGIC), start - len(MAGIC)))
        position += start - len(MAGIC)
    if shared is None:
        return None
    out = bytearray()
    for field, header, raw in shared:
        out += header
        if raw is not None:
            out += raw
        elif field == NUM_ROWS:
            out += _varint(_to_zigzag(rows))
        else:
            size = len(groups)
            out += bytes([size << 4 | STRUCT]) if size < 15 else \
                bytes([0xF0 | STRUCT]) + _varint(size)  # fmt: skip
            out += b"".join(groups)
    out.append(0)
    return bytes(out), ranges, rows


def splice(files: Sequence[str | Path], path: str | Path) -> int | None:
    """Join the Parquet ``files`` (in order) into one file at ``path``, which is replaced once
    complete (an error leaves no half-written file); the number of rows written. None, writing
    nothing, when there is no file or they cannot be joined byte for byte."""
    files = [Path(f) for f in files]
    found = spliced_footer(files) if files else None
    if found is None:
        return None
    meta, ranges, rows = found
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        with tmp.open("wb") as out:
            out.write(MAGIC)
            for source, (start, length) in zip(files, ranges, strict=True):
                with source.open("rb") as handle:
                    handle.seek(start)
                    _copy(handle, out, length)
            out.write(meta + struct.pack("<I", len(meta)) + MAGIC)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rows


def _copy(source, target, length: int) -> None:
    """Copy ``length`` bytes from one open file to another."""
    left = length
    while left > 0:
        block = source.read(min(left, 1 << 22))
        if not block:
            raise ValueError("a Parquet file ended before its footer")
        target.write(block)
        left -= len(block)
