"""The report page and manifest. Fast checks build the page from tables written into a temporary
folder: it speaks of the study and corpus it is given, escapes article text, summarises long
tables, says when no validation was possible. The end-to-end checks run `make report`'s runner
on the seed corpus into a temporary folder: every promised output exists, the manifest hashes
match, a clean rebuild is byte-identical, and the page works offline in a browser."""

import hashlib
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from fixtures import SEED_ANNOTATIONS_DIR, SEED_RAW_DIR, SEED_STUDY
from helpers import paths, provenance, report, runner
from helpers.io import write_json, write_parquet, write_table
from helpers.plan import RunPlan


def _quiet(*args, **kwargs):
    pass


class _Targets(HTMLParser):
    """Every link and image target of a page, and its scripts and stylesheets."""

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


def _assert_offline(out: Path) -> None:
    parser = _Targets()
    parser.feed((out / "index.html").read_text(encoding="utf-8"))
    assert parser.scripts == []
    for target in parser.targets:
        assert not target.startswith(("http:", "https:", "//")), target
        assert (out / target.split("#")[0]).exists(), target


# ------------------------------------------------------------------ the page from written tables

STUDY = """name: storms
title: Storm <damage> & power cuts
question: How many homes lost power, according to whom?
headline_charts: [fig42, fig41]
"""


def _chart(out: Path, slug: str, title: str) -> None:
    for ext in ("png", "svg"):
        (out / "figures" / f"{slug}.{ext}").write_bytes(b"picture")
    write_table(pd.DataFrame({"value": [1]}), out / "figures" / f"{slug}.csv")
    write_json(out / "figures" / f"{slug}.json", {"slug": slug, "title": title, "caption": "C."})


@pytest.fixture
def written(tmp_path):
    """A run's folders as the notebooks leave them, for a study of storms."""
    (tmp_path / "studies" / "storms").mkdir(parents=True)
    (tmp_path / "studies" / "storms" / "study.yml").write_text(STUDY)
    plan = RunPlan(
        notebooks_dir=tmp_path / "notebooks",
        raw_dir=tmp_path / "raw",
        processed_dir=tmp_path / "out" / "processed",
        annotations_dir=tmp_path / "annotations",
        out_dir=tmp_path / "out",
        study="storms",
        studies_dir=tmp_path / "studies",
    )
    out = plan.out_dir
    (out / "figures").mkdir(parents=True)
    (out / "tables").mkdir()
    (out / "html").mkdir()
    articles = pd.DataFrame(
        {
            "article_id": [f"{i:03d}_a" for i in range(40)],
            "status": ["ok"] * 39 + ["refused"],
            "reason": [""] * 39 + ["empty file"],
            "file_name": [f"{i:03d}.txt" for i in range(40)],
            "outlet": ["<script>alert(1)</script> Daily"] * 20 + ["Gazette & Post"] * 20,
            "title": ["Storm leaves 4,000 homes dark"] * 40,
            "published": ["2024-01-0" + str(1 + i % 9) for i in range(40)],
            "duplicate_cluster": ["c1", "c1", "c2", "c2", "c2"] + [""] * 35,
        }
    )
    write_table(articles, plan.processed_dir / paths.ARTICLES_CSV)
    write_table(pd.DataFrame({"article_id": ["000_a"] * 3}), plan.processed_dir / "figures.csv")
    ledger = pd.DataFrame({"surface": [f"{i} homes" for i in range(100)], "outlet": "Gazette"})
    write_table(ledger, out / "tables" / "claims_ledger.csv")
    (out / "tables" / "validation_scores.csv").write_text("measure,score\n")
    _chart(out, "fig11-lines", "Lines kept")
    _chart(out, "fig41-homes", "Homes without power")
    _chart(out, "fig42-people", "People <evacuated>")
    return plan


def _page(plan: RunPlan) -> str:
    """The page's text with every run of white space made one space."""
    return " ".join((plan.out_dir / "index.html").read_text(encoding="utf-8").split())


def test_the_page_speaks_of_the_study_and_corpus_it_is_given(written):
    assert report.build_report(written) == ""
    provenance.write_manifest(written, written.out_dir, written.processed_dir, {})
    page = _page(written)
    assert "<title>Storm &lt;damage&gt; &amp; power cuts</title>" in page
    assert "How many homes lost power, according to whom?" in page
    headline = page.index("Headline charts")
    assert headline < page.index('id="fig42-people"') < page.index('id="fig41-homes"')
    assert page.index("More charts") < page.index('id="fig11-lines"')
    assert "39 articles read, 1" in page and "empty file" in page
    assert "2 near-duplicate clusters" in page and "5 articles" in page
    assert report.NO_GOLD in page
    assert "Iran" not in page and "drone" not in page  # nothing of the seed study
    _assert_offline(written.out_dir)


def test_article_text_and_captions_are_escaped(written):
    report.build_report(written)
    page = _page(written)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Daily" in page
    assert "Gazette &amp; Post" in page and "People &lt;evacuated&gt;" in page


def test_long_tables_are_summarised_with_a_link_to_the_full_csv(written):
    report.build_report(written)
    page = _page(written)
    assert "100 claims; the first 25 are shown" in page and "24 homes" in page
    assert "25 homes" not in page
    assert 'href="tables/claims_ledger.csv"' in page
    assert "the first 25 of 40" in page
    listed = pd.read_csv(written.out_dir / report.CORPUS_TABLE)
    assert len(listed) == 40 and "duplicate_cluster" in listed


def test_a_capped_csv_counts_and_links_the_whole_table_beside_it(written):
    whole = pd.DataFrame({"surface": [f"{i} homes" for i in range(5000)], "outlet": "Gazette"})
    write_parquet(whole, written.out_dir / "tables" / "claims_ledger.parquet")
    report.build_report(written)  # the CSV beside it holds the first 100 rows
    page = _page(written)
    assert "5,000 claims; the first 25 are shown" in page and "24 homes" in page
    assert 'href="tables/claims_ledger.parquet"' in page and "holds the first rows" in page


def test_groups_and_comparison_show_their_top_rows_and_link_the_rest(written):
    groups = pd.DataFrame(
        {
            "group": [f"homes lost power in ward {i}" for i in range(80)],
            "figures": range(800, 0, -10),
            "articles": 3,
            "example": "about 4,000 homes",
        }
    )
    write_table(groups, written.out_dir / "tables" / "figure_groups.csv")
    sides = pd.DataFrame(
        {"group": "homes without power", "source": [f"utility {i}" for i in range(60)],
         "values": [f"{1000 + i}" for i in range(60)]}
    )  # fmt: skip
    write_table(sides, written.out_dir / "tables" / "ledger_comparison.csv")
    report.build_report(written)
    page = _page(written)
    assert "80 groups of figures" in page and "the 15 with the most figures" in page
    assert "ward 14<" in page and "ward 15<" not in page
    assert 'href="tables/figure_groups.csv"' in page
    assert "the first 25 of 60 rows are shown" in page and "utility 24<" in page
    assert "utility 25<" not in page and 'href="tables/ledger_comparison.csv"' in page
    (written.out_dir / "tables" / "figure_groups.csv").unlink()
    (written.out_dir / "tables" / "ledger_comparison.csv").unlink()


def test_the_page_of_a_large_corpus_stays_small(written):
    n = 20_000
    articles = pd.DataFrame(
        {
            "article_id": [f"{i:05d}_x" for i in range(n)],
            "status": "ok",
            "outlet": [f"Outlet {i % 400}" for i in range(n)],
            "title": "A long enough headline about a storm and the homes it left dark",
        }
    )
    write_table(articles, written.processed_dir / paths.ARTICLES_CSV)
    ledger = pd.DataFrame({"surface": [f"{i} homes" for i in range(100_000)], "outlet": "G"})
    write_table(ledger, written.out_dir / "tables" / "claims_ledger.csv")
    report.build_report(written)
    page = (written.out_dir / "index.html").read_bytes()
    assert len(page) < 60_000
    assert "20,000 articles read" in page.decode() and "100,000 claims" in page.decode()


def test_a_study_that_cannot_be_read_is_named_on_the_page(written):
    (written.studies_dir / "storms" / "study.yml").write_text("name: storms\n")  # no title
    problem = report.build_report(written)
    assert "title" in problem
    page = _page(written)
    assert report.FALLBACK_TITLE in page and "The study could not be read" in page
    assert "Headline charts" not in page and 'id="fig41-homes"' in page


def test_the_manifest_hashes_every_output_and_records_the_settings(written):
    report.build_report(written)
    provenance.write_manifest(written, written.out_dir, written.processed_dir, {"raw/a.txt": "x"})
    recorded = json.loads((written.out_dir / "manifest.json").read_text())
    assert recorded["parameters"]["study"] == "storms"
    assert {"columns", "style"} <= set(recorded["parameters"])
    assert "reports/index.html" in recorded["outputs"]
    assert "reports/processed/articles.csv" in recorded["outputs"]
    for name, digest in recorded["outputs"].items():
        path = written.out_dir / name.removeprefix("reports/")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, name


# ------------------------------------------------------------ end to end on the seed corpus


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "out"
    return RunPlan(
        notebooks_dir=paths.NOTEBOOKS_DIR,
        raw_dir=SEED_RAW_DIR,
        processed_dir=out / "processed",
        annotations_dir=SEED_ANNOTATIONS_DIR,
        out_dir=out,
        study=SEED_STUDY,
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
    for table in ("claims_ledger", "sources", "validation_scores"):
        assert (out / "tables" / f"{table}.csv").exists(), table
    figures = pd.read_parquet(out / "tables" / "figures.parquet")
    assert len(figures) == len(pd.read_parquet(built.processed_dir / paths.STORE_DIR / "figures"))
    assert 'href="tables/figures.parquet"' in (out / "index.html").read_text(encoding="utf-8")
    assert (built.processed_dir / "articles.csv").exists()
    store = built.processed_dir / paths.STORE_DIR
    for name in ("sentences", "removed_lines", "texts", "figures", "claims", "attributions"):
        assert list((store / name).glob("part-*.parquet")), name
    # the pass's tables are written once: no CSV copies or clean/ texts beside the store
    for name in ("sentences.csv", "figures.csv", "claims.csv", paths.CLEAN_TEXT_DIR):
        assert not (built.processed_dir / name).exists(), name


def test_manifest_hashes_every_input_and_output(built):
    recorded = json.loads((built.out_dir / "manifest.json").read_text(encoding="utf-8"))
    raw_names = {f"raw/{p.name}" for p in built.raw_dir.iterdir()}
    assert raw_names <= set(recorded["inputs"])
    assert any(name.startswith(f"studies/{SEED_STUDY}/") for name in recorded["inputs"])
    for name, digest in recorded["outputs"].items():
        path = built.out_dir / name.removeprefix("reports/")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, name
    assert recorded["packages"]["pandas"] == pd.__version__


def test_index_links_and_images_resolve_offline(built):
    _assert_offline(built.out_dir)
    assert any(p.suffix == ".png" for p in (built.out_dir / "figures").iterdir())


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
