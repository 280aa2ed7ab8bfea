"""Where the test suite's own data lives: never the live data/ folders a user edits.

``tests/data/seeds/`` holds a byte-for-byte copy of the seed articles (``raw/``, with their
manifest) and of their hand annotations (``annotations/``), so that a student who adds an
article or gold rows to ``data/`` never changes what the tests see.
"""

from pathlib import Path

TEST_DATA_DIR = Path(__file__).resolve().parent / "data"
SEED_RAW_DIR = TEST_DATA_DIR / "seeds" / "raw"
SEED_ANNOTATIONS_DIR = TEST_DATA_DIR / "seeds" / "annotations"
SEED_STUDY = "iran-drones"  # the study whose corpus is the seeds (studies/iran-drones)
