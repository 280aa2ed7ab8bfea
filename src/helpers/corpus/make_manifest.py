"""Write an editable ``manifest.csv`` for a corpus: ``make manifest RAW=... [OUT=...] [FORCE=1]``.

``python -m helpers.corpus.make_manifest RAW [--out PATH] [--force] [--columns MAP]
[--study NAME]`` reads the corpus as notebook 01 does and writes one row per kept article with
the metadata the kit found (from an existing manifest, the export's columns, the page's
metadata or the text), for a researcher to check and correct; ``make report`` then reads it.

Raw data is not modified, with one exception the researcher asks for: when ``--out`` is not
given the manifest goes where the kit looks for it, ``<RAW>/manifest.csv`` (for a single file
``<stem>.manifest.csv`` beside it), and only if no file is there yet. An existing manifest is
never overwritten without ``--force``; its hand-made values are carried into the new one.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import pandas as pd

from helpers.corpus.build import collect_corpus, default_manifest_path
from helpers.corpus.columns import ColumnError, merge_columns
from helpers.corpus.manifest import MANIFEST_COLUMNS, read_manifest
from helpers.io import atomic_write_bytes

ARTICLE_FIELDS = {  # manifest column -> articles.csv column
    "id": "article_id",
    "file_name": "file_name",
    "outlet": "outlet",
    "title": "title",
    "published": "published",
    "date_status": "date_status",
    "byline": "byline",
    "language": "language",
    "sha256": "sha256",
    "url": "url",
}


def one_line(value: object) -> str:
    """A cell for the manifest: a line break would split the row, so it becomes a space."""
    return " ".join(str(value).split()) if value is not None else ""


def manifest_rows(articles: pd.DataFrame, notes: dict[tuple[str, int], str]) -> list[dict]:
    """The manifest rows of the kept articles; ``notes`` keeps the old manifest's notes."""
    rows = []
    for article in articles[articles["status"] == "ok"].itertuples(index=False):
        record = article._asdict()
        row = {column: one_line(record[field]) for column, field in ARTICLE_FIELDS.items()}
        source_row = int(record["source_row"])
        row["row"] = str(source_row) if source_row else ""
        row["notes"] = one_line(notes.get((record["file_name"], source_row), ""))
        rows.append(row)
    return sorted(rows, key=lambda r: (r["file_name"], int(r["row"] or 0)))


def manifest_csv(rows: list[dict]) -> bytes:
    """The rows as CSV text in :data:`MANIFEST_COLUMNS` order (``\\n`` line ends, UTF-8)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_manifest(
    raw: str | Path,
    out: str | Path | None = None,
    force: bool = False,
    columns: str | dict | None = None,
    outlets: dict | None = None,
    progress: bool = True,
) -> tuple[Path, pd.DataFrame]:
    """Write the manifest of ``raw`` to ``out`` (default: where the kit looks for it).

    Returns the path written and the corpus's articles. Raises ``FileExistsError`` when
    ``out`` exists and ``force`` is not set.
    """
    raw = Path(raw)
    default = default_manifest_path(raw)
    target = Path(out) if out else default
    if target.exists() and not force:
        raise FileExistsError(
            f"{target} exists and is not overwritten: give FORCE=1 (--force) to replace it, "
            "or OUT=<path> (--out) to write the manifest elsewhere"
        )
    build = collect_corpus(raw, progress=progress, verbose=False, columns=columns, outlets=outlets)
    root = raw.parent if raw.is_file() else raw
    existing = read_manifest(default, root, expected=False)
    notes = {key: row.values.get("notes", "") for key, row in existing.rows.items()}
    atomic_write_bytes(target, manifest_csv(manifest_rows(build.articles, notes)))
    return target, build.articles


def main(argv: list[str] | None = None) -> int:
    """The command line of ``make manifest``; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw", help="a folder of articles, or one export or page")
    parser.add_argument("--out", default="", help="where to write (default: <RAW>/manifest.csv)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing manifest")
    parser.add_argument("--columns", default="", help="export column mapping, text=body,...")
    parser.add_argument("--study", default="", help="a study whose columns and outlets to use")
    args = parser.parse_args(argv)
    outlets: dict = {}
    study_columns: dict = {}
    try:
        if args.study:
            from helpers.study import load_study

            study = load_study(args.study)
            study_columns, outlets = study.columns, study.outlets
        columns = merge_columns(study_columns, args.columns)
        target, articles = write_manifest(
            args.raw, args.out or None, args.force, columns, outlets, progress=sys.stderr.isatty()
        )
    except (FileExistsError, FileNotFoundError, ColumnError, ValueError) as err:
        print(f"make manifest: {err}", file=sys.stderr)
        return 1
    refused = articles[articles["status"] != "ok"]
    print(f"Wrote {target}: {len(articles) - len(refused)} articles, one row each.")
    if len(refused):
        print(f"{len(refused)} inputs were refused and are not listed:")
        for item in refused.itertuples():
            where = f" row {item.source_row}" if item.source_row else ""
            print(f"  {item.file_name}{where}: {item.reason}")
    print("Check and correct it (outlet, title, published, date_status), then run make report.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
