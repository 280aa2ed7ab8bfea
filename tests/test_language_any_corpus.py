"""helpers.language on a corpus that is not the seeds, with a study that names no keywords and
no framing target; the pandas collocations agree with NLTK's; notebook 05 is committed clean.

The sentences are written here (invented news about a strike and a flood) or read from the
invented corpus in tests/data/general_corpus; none of it is real news.
"""

from __future__ import annotations

import json
import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

from fixtures import SEED_RAW_DIR, TEST_DATA_DIR
from helpers import charts, language, paths
from helpers.corpus import build_corpus
from helpers.study import Framing, load_study

STRIKE = [
    "Police said 1.1 million protesters marched on Thursday, while the unions counted 2 million.",
    "The unions said the strike closed schools in every city.",
    "Union leaders accused the government of ignoring the strike.",
    "The government denied that the strike had closed most schools.",
]
FLOOD = [
    "The river flooded 1,200 homes, the county said.",
    "A charity counted 1,900 flooded homes and said the county was slow to respond.",
]


def frames(*articles: tuple[str, str, list[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences and articles frames from ``(article_id, outlet, sentences)``."""
    sentences = pd.DataFrame(
        [
            {"article_id": a, "sentence_id": i, "text": text}
            for a, _, texts in articles
            for i, text in enumerate(texts, start=1)
        ]
    )
    meta = pd.DataFrame(
        [{"article_id": a, "outlet": o, "published": "2025-02-13", "status": "ok"}
         for a, o, _ in articles]
    )  # fmt: skip
    return sentences, meta


@pytest.fixture(scope="module")
def general_corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("general")
    corpus = build_corpus(TEST_DATA_DIR / "general_corpus" / "raw", out, progress=False,
                          verbose=False)  # fmt: skip
    return corpus.sentences, corpus.articles


def test_the_general_study_reads_the_most_frequent_words_and_says_so(general_corpus):
    study = load_study("general-news")
    assert study.keywords == () and study.framing is None
    keywords, note = language.choose_keywords(study.keywords, *general_corpus)
    assert len(keywords) == 3 and "most frequent content words" in note
    assert "said" not in keywords  # in every article: it says nothing about one story
    sentences, articles = general_corpus
    in_articles = [
        sentences.loc[sentences["text"].str.contains(rf"\b{k}\b", case=False), "article_id"]
        .nunique() for k in keywords
    ]  # fmt: skip
    assert max(in_articles) <= articles["article_id"].nunique() / 2
    for keyword in keywords:
        assert len(language.concordance(general_corpus[0], keyword)) > 0
    hits, spans = language.dispersion(*general_corpus, keywords)
    assert set(hits["keyword"]) == set(keywords)
    assert spans["article_id"].nunique() == general_corpus[1]["article_id"].nunique()


def test_a_study_with_keywords_keeps_them():
    keywords, note = language.choose_keywords(["strike", "union"], *frames())
    assert keywords == ["strike", "union"] and note == "Keywords from the study: strike, union."


def test_no_sentence_naming_the_target_gives_zero_counts_and_charts_that_say_so():
    sentences, articles = frames(("s1", "Greyhaven Herald", STRIKE), ("f1", "Ostervale Courier",
                                                                      FLOOD))  # fmt: skip
    framing = load_study("iran-drones").framing  # a target this corpus never names
    summary = language.framing_by_outlet(sentences, articles, framing)
    assert (summary["n_sentences"] == 0).all() and summary["share"].isna().all()
    assert language.framed_sentences(sentences, articles, framing).empty
    fig = language.plot_framing(summary, framing.target, list(framing.frames))
    assert f"no sentence names {framing.target} in this corpus" in [
        t.get_text() for t in fig.axes[0].texts
    ]
    scores = language.sentence_sentiment(sentences, framing.pattern)
    table = language.sentiment_by_outlet(scores, articles)
    assert (table.loc[table["subset"] == "target", "n_sentences"] == 0).all()
    fig = language.plot_sentiment(table, framing.target)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["all sentences"]
    plt.close("all")


def test_a_keyword_the_corpus_never_uses_gives_empty_tables_and_a_chart_that_says_so():
    sentences, articles = frames(("f1", "Ostervale Courier", FLOOD))
    with pytest.warns(UserWarning, match="submarine"):
        assert language.concordance(sentences, "submarine").empty
    hits, spans = language.dispersion(sentences, articles, ["submarine"])
    assert hits.empty and len(spans) == 1
    fig = language.plot_dispersion(hits, spans, ["submarine"])
    assert "no keyword occurs in this corpus" in [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)


def test_a_framing_of_the_strike_counts_its_frames():
    """A study of the strike: the government is the target, accused and denied its frames."""
    framing = Framing(
        target="the government",
        pattern=re.compile(r"\bgovernment\b", re.IGNORECASE),
        frames={"accused": re.compile(r"\baccus\w*", re.I), "denied": re.compile(r"\bdeni\w*")},
    )
    sentences, articles = frames(("s1", "Greyhaven Herald", STRIKE))
    framed = language.framed_sentences(sentences, articles, framing)
    assert framed[["sentence_id", "frame", "cue"]].values.tolist() == [
        [3, "accused", "accused"], [4, "denied", "denied"],
    ]  # fmt: skip
    summary = language.framing_by_outlet(sentences, articles, framing).set_index("frame")
    assert summary.loc["accused", "share"] == 0.5 and summary.loc["denied", "n_sentences"] == 1


def test_collocations_in_pandas_equal_nltk_pmi_on_the_seeds():
    sentences = pd.DataFrame(
        [
            {"article_id": p.stem, "sentence_id": i, "text": line.strip()}
            for p in sorted(SEED_RAW_DIR.glob("*.txt"))
            for i, line in enumerate(p.read_text(encoding="utf-8").splitlines())
            if line.strip()
        ]
    )
    ours = language.collocations(sentences, ["drone", "missile", "Iran"])
    tokens = language.token_table(sentences["text"])
    documents = [list(g["norm"]) for _, g in tokens.groupby(["row", "clause"], sort=True)]
    finder = BigramCollocationFinder.from_documents(documents)
    finder.apply_word_filter(lambda w: not language.is_content_word(w))
    finder.apply_freq_filter(2)
    reference = dict(finder.score_ngrams(BigramAssocMeasures.pmi))
    assert len(ours) > 5
    for row in ours.itertuples():
        assert row.pmi == pytest.approx(reference[(row.w1, row.w2)])
        assert row.count == finder.ngram_fd[(row.w1, row.w2)]


def test_language_charts_draw_an_outlet_named_like_maths(tmp_path):
    sentences, articles = frames(("s1", "$5$ News", STRIKE), ("f1", "$x$ Courier", FLOOD))
    words = language.word_frequencies(sentences, articles, top_n=5)
    fig = language.plot_top_terms(words, "word", 5)
    saved = charts.save_chart(fig, words, "fig51-top-words", tmp_path, "Top words", "")
    assert "$5$ News" in saved["svg"].read_text(encoding="utf-8")


def test_notebook_05_is_committed_clean_with_a_literal_parameters_cell():
    path = paths.NOTEBOOKS_DIR / "05-language-and-framing.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)
    tagged = [cell for cell in code if "parameters" in cell["metadata"].get("tags", [])]
    assert len(tagged) == 1
    lines = "".join(tagged[0]["source"]).splitlines()
    for line in lines:
        assert re.fullmatch(r"\w+: (?:str|int|bool|list) = [^=#]+  # [^=]+", line), line
    names = {line.split(":")[0] for line in lines}
    assert {"study", "style", "sentiment", "keywords"} <= names
    sources = ["".join(cell["source"]) for cell in code]
    writers = [i for i, src in enumerate(sources) if "save_chart" in src or "write_table(" in src]
    outputs = next(
        i for i, c in enumerate(nb["cells"]) if "".join(c["source"]).startswith("## Outputs")
    )
    assert writers and all(sources[i] in ["".join(c["source"]) for c in nb["cells"][outputs:]]
                           for i in writers)  # fmt: skip
    prose = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    prose = prose.replace("iran-drones", "")
    assert not re.search(r"\b(?:Iran|drones?|Zelensky|Ukrain\w*|Shahed)\b", prose)


def test_counting_slice_by_slice_gives_the_counts_of_one_pass(general_corpus):
    whole = language.count_corpus(*general_corpus)
    sliced = language.count_corpus(*general_corpus, size=7)  # a slice every few sentences
    assert whole.total == sliced.total > 10_000 and whole.articles == sliced.articles == 30
    for field, keys in (("words", ["outlet", "word"]), ("bigrams", ["outlet", "w1", "w2"])):
        pd.testing.assert_frame_equal(  # rows in any order: each table sorts by its own keys
            getattr(whole, field).sort_values(keys, ignore_index=True),
            getattr(sliced, field).sort_values(keys, ignore_index=True),
        )
    pd.testing.assert_series_equal(whole.tokens.sort_index(), sliced.tokens.sort_index())
    # no article split in two
    pd.testing.assert_series_equal(whole.spread.sort_index(), sliced.spread.sort_index())
    strike = whole.words[whole.words["word"] == "strike"]["count"].sum()
    sentences = general_corpus[0]["text"]
    # "strike" and "strike's" alone, not "strikes" or "strike-bound"
    assert strike == sentences.str.count(r"(?i)(?<![\w-])strike(?:['’]s)?(?![\w'’-])").sum()
