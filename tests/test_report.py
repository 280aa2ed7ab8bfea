"""The whole collection, end to end: `make report`'s runner on the seed corpus into a temporary
folder. Checks that every promised output exists, that a second run from a clean state gives
byte-identical files, and that the report page works offline in a browser."""

import hashlib
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from fixtures import SEED_ANNOTATIONS_DIR, SEED_RAW_DIR
from helpers import paths, report, runner


def _quiet(*args, **kwargs):
    pass


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "out"
    return runner.RunPlan(
        notebooks_dir=paths.NOTEBOOKS_DIR,
        raw_dir=SEED_RAW_DIR,
        processed_dir=out / "processed",
        annotations_dir=SEED_ANNOTATIONS_DIR,
        out_dir=out,
    )


@pytest.fixture(scope="module")
def built(plan):
    runner.run(plan, force=True, echo=_quiet)
    return plan


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_every_promised_output_is_there(built):
    out = built.out_dir
    for source in runner.find_notebooks(built.notebooks_dir):
        assert (out / "notebooks" / source.name).exists()
        assert (out / "html" / f"{source.stem}.html").exists()
    captions = sorted((out / "figures").glob("fig*.json"))
    assert len(captions) >= 5
    for caption in captions:
        for ext in ("png", "svg", "csv"):
            assert caption.with_suffix(f".{ext}").exists(), caption.with_suffix(f".{ext}")
    for table in ("figures", "claims_ledger", "sources", "validation_scores"):
        assert (out / "tables" / f"{table}.csv").exists(), table
    for name in ("articles", "sentences", "removed_lines", "figures", "claims"):
        assert (built.processed_dir / f"{name}.csv").exists(), name


def test_manifest_hashes_every_input_and_output(built):
    manifest = pd.read_json(built.out_dir / "manifest.json", typ="series")
    raw_names = {f"raw/{p.name}" for p in built.raw_dir.iterdir()}
    assert raw_names <= set(manifest["inputs"])
    for name, digest in manifest["outputs"].items():
        path = built.out_dir / name.removeprefix("reports/")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, name
    assert manifest["packages"]["pandas"] == pd.__version__


class _Targets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.targets.append(attrs["src"])
        if tag == "a":
            self.targets.append(attrs["href"])
        if tag in {"script", "link"}:
            self.scripts.append(attrs.get("src") or attrs.get("href") or "inline")


def test_index_links_and_images_resolve_offline(built):
    parser = _Targets()
    parser.feed((built.out_dir / "index.html").read_text(encoding="utf-8"))
    assert parser.scripts == []
    assert any(t.endswith(".png") for t in parser.targets)
    for target in parser.targets:
        assert not target.startswith(("http:", "https:", "//")), target
        assert (built.out_dir / target.split("#")[0]).exists(), target


def test_article_text_is_escaped_in_the_page():
    page = report.html_table(pd.DataFrame({"title": ["<script>alert('Iran')</script> & co"]}))
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp; co" in page


def test_index_renders_in_headless_chromium(built, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip(
            "chromium is not installed: `apt-get install chromium` (Debian) to run this test"
        )
    shot = tmp_path / "index.png"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,3000",
         f"--screenshot={shot}", (built.out_dir / "index.html").as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    from PIL import Image

    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50, "the page rendered blank"


def test_a_second_run_from_a_clean_state_is_byte_identical(built):
    first = _tree(built.out_dir)
    shutil.rmtree(built.out_dir)
    runner.run(built, force=True, echo=_quiet)
    second = _tree(built.out_dir)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
