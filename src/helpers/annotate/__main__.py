"""Command line of the annotation workflow (``make annotate`` and ``make check-annotations``).

    python -m helpers.annotate template ARTICLE_ID [--blind] [--annotator NAME] [--out PATH]
    python -m helpers.annotate check [--annotations DIR] [--study NAME]
    python -m helpers.annotate add SHEET [--replace]

Every command reads the corpus from ``--raw`` (default ``data/raw``) in memory, as notebook 01
does, so that sentences, offsets and sha256 are those the notebooks use. Exit status: 0 when all
is well, 1 when there are errors in the annotations, 2 when the command cannot run.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import sys
from pathlib import Path

from helpers import paths
from helpers.annotate.check import check_annotations, check_sheet
from helpers.annotate.sheets import add_sheet, make_template, read_sheet
from helpers.annotate.vocab import default_study, vocabulary_for
from helpers.corpus import CorpusBuild, collect_corpus
from helpers.evaluate.gold import GoldFileError, Problem, csv_text
from helpers.figures import figures_table
from helpers.io import write_text
from helpers.study import Study, StudyError, load_study

SHEETS_DIR = paths.PROJECT_ROOT / "data" / "annotation-sheets"  # new sheets (not the gold)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (FileNotFoundError, StudyError, ValueError) as error:
        print(f"{args.prog_name}: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.annotate", description=__doc__.split("\n\n")[0]
    )
    sub = parser.add_subparsers(required=True, metavar="{template,check,add}")
    template = sub.add_parser("template", help="write the annotation sheet of one article")
    template.add_argument(
        "article", help="article id (the file name without .txt, as in articles.csv)"
    )
    template.add_argument(
        "--blind", action="store_true", help="do not pre-list the machine's figures"
    )
    template.add_argument("--annotator", default="", help="your name, written in every row")
    template.add_argument(
        "--out", default="", help="where to write it (default data/annotation-sheets/)"
    )
    template.add_argument("--force", action="store_true", help="overwrite an existing sheet")
    template.set_defaults(run=_template, prog_name="make annotate")
    check = sub.add_parser("check", help="check the gold files against the corpus and the study")
    check.set_defaults(run=_check, prog_name="make check-annotations")
    add = sub.add_parser("add", help="check a filled sheet and add its rows to the gold files")
    add.add_argument("sheet", help="the filled annotation sheet (CSV)")
    add.add_argument("--replace", action="store_true", help="replace the article's existing gold")
    add.set_defaults(run=_add, prog_name="make annotate")
    for command in (template, check, add):
        command.add_argument("--raw", default=str(paths.RAW_DIR), help="folder of .txt articles")
        command.add_argument(
            "--annotations", default=str(paths.ANNOTATIONS_DIR), help="gold folder"
        )
        command.add_argument("--study", default="", help="study name or path (default: by corpus)")
        command.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def _study(args) -> Study:
    return load_study(args.study or default_study(args.raw))


def _corpus(args, study: Study) -> CorpusBuild:
    """The corpus as notebook 01 reads it with this study (its export columns and outlets)."""
    print(f"Reading the corpus in {_shown(args.raw)} ...", file=sys.stderr)
    return collect_corpus(
        args.raw,
        progress=not args.quiet and sys.stderr.isatty(),
        columns=study.columns,
        outlets=study.outlets,
    )


def _template(args) -> int:
    build = _corpus(args, _study(args))
    article = _find_article(build, args.article)
    sentences = build.sentences[build.sentences["article_id"] == article.article_id]
    figures = None if args.blind else figures_table(sentences)
    sheet = make_template(
        article.article_id,
        sentences,
        build.clean_texts[article.article_id],
        article.sha256,
        figures,
        args.annotator,
    )
    out = Path(args.out) if args.out else _default_sheet(args)
    if out.exists() and not args.force:
        raise ValueError(f"{out} exists (it may hold someone's work): pass --force (FORCE=1)")
    write_text(out, csv_text(sheet))
    machine = (
        "blind: no figures pre-listed"
        if figures is None
        else f"{len(figures)} machine figures pre-listed"
    )
    print(f"Wrote {_shown(out)}: {len(sentences)} sentences, {machine}.")
    print(f"Fill it in as docs/annotation-guide.md says, then: make annotate ADD={_shown(out)}")
    return 0


def _default_sheet(args) -> Path:
    suffix = "-blind" if args.blind else ""
    who = f"-{_slug(args.annotator)}" if args.annotator else ""
    return SHEETS_DIR / f"{args.article}{who}{suffix}.csv"


def _find_article(build: CorpusBuild, article_id: str):
    rows = build.articles[build.articles["article_id"] == article_id]
    ids = list(build.articles["article_id"])
    if not article_id:
        raise ValueError(
            f"name the article: make annotate ARTICLE=<id>; the ids are: {', '.join(ids)}"
        )
    if rows.empty:
        close = difflib.get_close_matches(article_id, ids, n=3)
        hint = (
            f"; did you mean {', '.join(close)}?" if close else f"; the ids are: {', '.join(ids)}"
        )
        raise ValueError(f"no article {article_id!r} in the corpus; {hint}")
    row = rows.iloc[0]
    if row["status"] != "ok":
        raise ValueError(f"{article_id} was refused when the corpus was read: {row['reason']}")
    return row


def _check(args) -> int:
    study = _study(args)
    vocab = vocabulary_for(study)
    build = _corpus(args, study)
    result = check_annotations(
        args.annotations, build.articles, build.clean_texts, vocab, _shown(args.annotations)
    )
    _print(result.problems)
    where = _shown(args.annotations)
    if not result.n_articles and not result.n_figures:
        print(f"No gold annotations in {where}: nothing to check (a corpus may have none).")
        return 0
    print(
        f"{where}: {_count(range(result.n_articles), 'annotated article')}, "
        f"{result.n_checked} of them in {_shown(args.raw)} and checked against their text, "
        f"{_count(range(result.n_figures), 'gold figure')}; "
        f"labels checked against the study {vocab.study!r}: {_count(result.errors, 'error')}, "
        f"{_count(result.warnings, 'warning')}."
    )
    return 1 if result.errors else 0


def _add(args) -> int:
    study = _study(args)
    vocab = vocabulary_for(study)
    sheet = read_sheet(args.sheet)
    build = _corpus(args, study)
    problems = check_sheet(sheet, build.articles, build.clean_texts, vocab)
    _print(problems)
    if any(p.severity == "error" for p in problems):
        print(f"{args.sheet}: not added; fix the errors above first.", file=sys.stderr)
        return 1
    found = build.articles[build.articles["article_id"] == sheet.article_id].iloc[0]
    sheet = dataclasses.replace(sheet, sha256=sheet.sha256 or found["sha256"], problems=())
    try:
        _, message = add_sheet(sheet, args.annotations, replace=args.replace)
    except GoldFileError as error:
        print(f"The gold files have errors, nothing added:\n{error}", file=sys.stderr)
        return 1
    print(message[0].upper() + message[1:] + ". Now run: make check-annotations")
    return 0


def _print(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        print(problem)


def _count(items, word: str) -> str:
    return f"{len(items)} {word}{'' if len(items) == 1 else 's'}"


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.strip().lower()).strip("-")


def _shown(folder: str | Path) -> str:
    """A folder as the user would write it: relative to the working folder when inside it."""
    path = Path(folder).resolve()
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(folder)


if __name__ == "__main__":
    sys.exit(main())
