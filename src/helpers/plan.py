"""What one run of the notebooks is given: its folders, its study and its settings.

:class:`RunPlan` is shared by the runner (which executes the notebooks) and the report page
and manifest (which describe the run), so that neither imports the other. Its
:meth:`RunPlan.parameters` are the values a notebook may declare in its ``parameters`` cell;
folders are given relative to the notebooks folder, which is where notebooks run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from helpers import paths
from helpers.study import default_study

STYLES = ("report", "slides")  # how the notebooks draw their charts
ENGINES = ("local", "dask")  # where the per-article pass runs (helpers.pipeline.ENGINES)


def is_study_path(ref: str) -> bool:
    """True when ``ref`` names a file or folder rather than a study under ``studies/``."""
    return ref.endswith((".yml", ".yaml")) or "/" in ref or "\\" in ref or Path(ref).is_dir()


@dataclass(frozen=True)
class RunPlan:
    """Folders and settings of one run (absolute paths; ``study`` empty means the default).

    ``raw_dir`` may be a folder of articles or one export file. ``library_dir`` and
    ``studies_dir`` are what every notebook reads besides its inputs: a change in them reruns
    everything.
    """

    notebooks_dir: Path
    raw_dir: Path
    processed_dir: Path
    annotations_dir: Path
    out_dir: Path
    max_file_mb: int = 10
    study: str = ""
    columns: str = ""
    style: str = "report"
    engine: str = "local"
    library_dir: Path = paths.PROJECT_ROOT / "src" / "helpers"
    studies_dir: Path = paths.STUDIES_DIR

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"STYLE={self.style!r}: choose one of {', '.join(STYLES)}")
        if self.engine not in ENGINES:
            raise ValueError(f"ENGINE={self.engine!r}: choose one of {', '.join(ENGINES)}")

    @property
    def study_ref(self) -> str:
        """The study as the notebooks receive it: a name, or a path from the notebooks folder."""
        ref = self.study or default_study(self.raw_dir)
        if is_study_path(ref):
            return os.path.relpath(paths.resolve(ref), self.notebooks_dir)
        return ref

    @property
    def study_location(self) -> Path:
        """The study's file or folder on disk (which may not exist)."""
        ref = self.study or default_study(self.raw_dir)
        return paths.resolve(ref) if is_study_path(ref) else self.studies_dir / ref

    def parameters(self) -> dict[str, str | int]:
        """The values offered to every notebook's parameters cell."""

        def rel(path: Path) -> str:
            return os.path.relpath(path, self.notebooks_dir)

        return {
            "raw_dir": rel(self.raw_dir),
            "processed_dir": rel(self.processed_dir),
            "annotations_dir": rel(self.annotations_dir),
            "reports_dir": rel(self.out_dir),
            "max_file_mb": self.max_file_mb,
            "study": self.study_ref,
            "columns": self.columns,
            "style": self.style,
            "engine": self.engine,
        }

    def staged(self, out_dir: Path, processed_dir: Path) -> RunPlan:
        """The same plan writing into staging folders instead of the final ones."""
        return replace(self, out_dir=out_dir, processed_dir=processed_dir)

    def processed_inside_out(self) -> bool:
        return self.processed_dir.is_relative_to(self.out_dir)
