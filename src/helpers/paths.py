"""Where everything lives: the one module that turns folder names into paths.

Notebooks get their folders as papermill parameters (relative to ``notebooks/``);
library code and tests use the defaults below.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
RAW_DIR = PROJECT_ROOT / "data" / "raw"
PROCESSED_DIR = PROJECT_ROOT / "data" / "processed"
ANNOTATIONS_DIR = PROJECT_ROOT / "data" / "annotations"
REPORTS_DIR = PROJECT_ROOT / "reports"
DOCS_DIR = PROJECT_ROOT / "docs"
STUDIES_DIR = PROJECT_ROOT / "studies"  # one folder per study, each with its study.yml
STUDY_FILE = "study.yml"
GENERAL_STUDY = "general-news"  # the study of a corpus that no study names as its own

MANIFEST_NAME = "manifest.csv"
KERNEL_NAME = "news-figures"

# Files the notebooks write into the processed folder.
ARTICLES_CSV = "articles.csv"
POSTS_CSV = "posts.csv"
SENTENCES_CSV = "sentences.csv"
REMOVED_LINES_CSV = "removed_lines.csv"
CORPUS_MESSAGES_TXT = "corpus_messages.txt"  # refusals and warnings, one line per file
CLEAN_TEXT_DIR = "clean"
FIGURES_CSV = "figures.csv"
CLAIMS_CSV = "claims.csv"
# The per-article store and cache inside the processed folder (Parquet datasets). A run of
# make report hands it on to the next run whole, by hard links, so its files must only ever be
# replaced (helpers.io.atomic_write_bytes), never rewritten in place.
STORE_DIR = "parquet"

# Hand-made gold standards.
FIGURES_GOLD_CSV = "figures_gold.csv"
CLAIMS_GOLD_CSV = "claims_gold.csv"
ANNOTATED_ARTICLES_CSV = "annotated_articles.csv"  # which articles the gold covers


def resolve(folder: str | Path, base: Path | None = None) -> Path:
    """Return ``folder`` as an absolute path, reading a relative one against ``base``.

    >>> resolve("/tmp/x")
    PosixPath('/tmp/x')
    """
    path = Path(folder).expanduser()
    if not path.is_absolute():
        path = (base or Path.cwd()) / path
    return path.resolve()
