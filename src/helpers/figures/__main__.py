"""``python -m helpers.figures FILE...``: print one JSON object per figure."""

import sys

from helpers.figures.table import main

sys.exit(main())
