"""Tests of helpers.language on real sentences of the seed articles, read with the seed study's
framing (its target and frames come from studies/iran-drones/study.yml, not from the library).

The frames are built here from the raw seed files, one non-blank line per "sentence"
(a paragraph, in fact), so the tests do not depend on the processed corpus.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import textwrap
from importlib import resources

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as ReferenceVader

from fixtures import SEED_RAW_DIR as RAW_DIR
from helpers import language
from helpers.study import load_study

FRAMING = load_study("iran-drones").framing

CNN = "000_66b62aea542f96ee"
AP = "001_0321a4552254fa38"
FBA = "004_66b9e44e360c82d3"

# Outlet and date per seed, as ../shared/seeds/README.md describes them.
SEED_META = {
    CNN: ("CNN", "2022-11-07"),
    AP: ("Associated Press", "2024-09-10"),
    "002_e88ceadba1c3ec69": ("Ukrainian outlet", "2022-10-20"),
    "003_165e4b519f61ba16": ("Vietnamese outlet", "2023-11-07"),
    FBA: ("FBA", "2022-12-09"),
}

DENIED = (
    "The Iranian foreign ministry has denied providing ballistic missiles to Russia, "
    "as reported by the semiofficial ISNA news agency."
)
ACKNOWLEDGED = (
    "The Iranian government acknowledged for the first time Saturday that it had sent a "
    "limited number of drones to Russia in the months before the start of its invasion of Ukraine."
)
ACCUSED = (
    "On Tuesday, the United States and Britain formally accused Iran of supplying short-range "
    "ballistic missiles to Russia for use against Ukraine."
)
ALLEGED = "Reports of the alleged missile transfers from Iran began circulating over the weekend."
NO_IRAN = (
    "Ukrainian military officials also confirmed that Russia had used unmanned aerial systems, "
    "and that Ukrainian military has shot down at least 10 of them in the regions of Kherson, "
    "Mykolaiv, and Odesa."
)


def raw_text(article_id: str) -> str:
    """The seed file's text with no-break spaces made plain, as the clean text has them."""
    return (RAW_DIR / f"{article_id}.txt").read_text(encoding="utf-8").replace("\xa0", " ")


@pytest.fixture(scope="module")
def corpus() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences (one per non-blank raw line) and articles of the five seeds."""
    rows = []
    for article_id in SEED_META:
        lines = [line.strip() for line in raw_text(article_id).splitlines() if line.strip()]
        rows += [
            {"article_id": article_id, "sentence_id": i, "text": line}
            for i, line in enumerate(lines, start=1)
        ]
    articles = pd.DataFrame(
        [
            {"article_id": a, "outlet": o, "published": p, "status": "ok"}
            for a, (o, p) in SEED_META.items()
        ]
    )
    return pd.DataFrame(rows), articles


def one_outlet(*texts: str, article_id: str = AP) -> tuple[pd.DataFrame, pd.DataFrame]:
    sentences = pd.DataFrame(
        {"article_id": article_id, "sentence_id": range(1, len(texts) + 1), "text": list(texts)}
    )
    articles = pd.DataFrame(
        [{"article_id": article_id, "outlet": SEED_META[article_id][0], "published": "2024-09-10"}]
    )
    return sentences, articles


# --------------------------------------------------------------------------- stopwords, tokens


def test_stopword_list_drops_function_words_but_keeps_figures_and_reporting_words():
    words = language.stopwords()
    assert {"the", "of", "and", "has", "which", "to"} <= words
    kept = {"million", "thousand", "hundred", "one", "two", "km", "miles", "said", "drones"}
    assert not kept & words
    assert all(w == w.lower() and " " not in w for w in words)


def test_stopword_file_states_its_origin():
    package = resources.files(language.STOPWORDS_PACKAGE)
    header = package.joinpath(language.STOPWORDS_RESOURCE).read_text(encoding="utf-8")
    assert "written by hand for this project" in header.splitlines()[2]


def test_tokenize_keeps_hyphenated_names_numbers_and_abbreviations():
    sentence = (
        "Blinken elaborated that numerous Russian military personnel had received training "
        "in Iran to operate the Fath-360 close-range ballistic missile system, which has a "
        "maximum range of 75 miles (120 kilometers)."
    )
    tokens = language.tokenize(sentence)
    assert {"Fath-360", "close-range", "75", "120", "(", ")"} <= set(tokens)
    assert language.tokenize("the U.S. Treasury and Iran’s drone program") == [
        "the",
        "U.S.",
        "Treasury",
        "and",
        "Iran’s",
        "drone",
        "program",
    ]
    assert language.normalise("Iran’s") == "iran"
    assert language.tokenize("the G7 group's support")[1:3] == ["G7", "group's"]


def test_tokens_and_spans_are_those_nltk_regexp_tokenizer_gave():
    """The tokenizer is the pattern itself now (no NLTK import at start-up): same tokens, same
    offsets as NLTK's RegexpTokenizer on the pattern, on text with every kind of token."""
    from nltk.tokenize import RegexpTokenizer

    text = (
        'On 3 May the U.K. said Fath-360s flew 1,250.5 km;\nofficials\' counts ("about 40") '
        "differed — the mayor’s office didn't agree. F-16s, G7 & co.: 12%!"
    )
    reference = RegexpTokenizer(language.TOKEN_PATTERN)
    assert language.tokenize(text) == reference.tokenize(text)
    assert language.words.span_tokenize(text) == list(reference.span_tokenize(text))
    assert [text[a:b] for a, b in language.words.span_tokenize(text)][:6] == [
        "On", "3", "May", "the", "U.K.", "said",
    ]  # fmt: skip


def test_keyword_matches_inflections_and_hyphen_parts_only():
    assert language.matches_keyword("drones", "drone")
    assert language.matches_keyword("Drone-manufacturing", "drone")
    assert language.matches_keyword("missiles", "Missile")
    assert language.matches_keyword("Iran’s", "Iran")
    assert not language.matches_keyword("Iranian", "Iran")
    assert not language.matches_keyword("Iranian-made", "Iran")


# --------------------------------------------------------------------------- frequencies


def test_word_frequencies_of_the_cnn_article_match_a_plain_count(corpus):
    sentences, articles = corpus
    counts = language.word_frequencies(sentences, articles)
    cnn = counts[counts["outlet"] == "CNN"].set_index("word")
    text = raw_text(CNN)
    for word in ("drones", "missiles", "million", "said"):
        expected = len(re.findall(rf"\b{word}\b", text, flags=re.IGNORECASE))
        assert expected > 0
        assert cnn.loc[word, "count"] == expected
    assert "the" not in cnn.index and "of" not in cnn.index
    assert "4.5" not in cnn.index  # numbers are not words
    assert math.isclose(cnn["share"].sum(), 1.0)


def test_top_n_ranks_by_count_then_alphabet(corpus):
    top = language.word_frequencies(*corpus, top_n=5)
    assert (top.groupby("outlet").size() == 5).all()
    for _, group in top.groupby("outlet"):
        assert list(group["rank"]) == [1, 2, 3, 4, 5]
        keys = list(zip(-group["count"], group["word"], strict=True))
        assert keys == sorted(keys)


def test_bigrams_count_attack_drones_and_never_cross_punctuation(corpus):
    bigrams = language.bigram_frequencies(*corpus)
    cnn = bigrams[bigrams["outlet"] == "CNN"].set_index("bigram")
    assert cnn.loc["attack drones", "count"] == raw_text(CNN).count("attack drones")
    ap = bigrams[bigrams["outlet"] == "Associated Press"].set_index("bigram")
    # "Russia, China, Iran, and North Korea": commas separate the names
    assert "china iran" not in ap.index and "russia china" not in ap.index
    assert ap.loc["north korea", "count"] == raw_text(AP).count("North Korea")
    assert not any(w in language.stopwords() for b in bigrams["bigram"] for w in b.split())


# --------------------------------------------------------------------------- collocations


def test_collocations_find_ballistic_missiles_and_attack_drones(corpus):
    sentences, _ = corpus
    found = language.collocations(sentences, ["drone", "missile"])
    missile = found[found["keyword"] == "missile"].set_index("bigram")
    drone = found[found["keyword"] == "drone"].set_index("bigram")
    assert "ballistic missiles" in missile.index and "attack drones" in drone.index
    # "ballistic" is rarer than "iranian", so it is the stronger collocate of "missiles"
    assert missile.loc["ballistic missiles", "pmi"] > missile.loc["iranian missiles", "pmi"]
    assert (found["count"] >= 2).all()
    assert list(found["keyword"].unique()) == ["drone", "missile"]


def test_unknown_keyword_gives_empty_frames_with_a_warning(corpus):
    sentences, _ = corpus
    with pytest.warns(UserWarning, match="submarine"):
        assert language.collocations(sentences, ["submarine"]).empty
    with pytest.warns(UserWarning, match="submarine"):
        assert language.concordance(sentences, "submarine").empty


def test_missing_column_is_named_in_the_error(corpus):
    sentences, articles = corpus
    with pytest.raises(ValueError, match="outlet"):
        language.word_frequencies(sentences, articles.drop(columns="outlet"))


# --------------------------------------------------------------------------- concordance


def test_concordance_finds_every_drone_with_its_context(corpus):
    sentences, _ = corpus
    cnn_sentences = sentences[sentences["article_id"] == CNN]
    kwic = language.concordance(cnn_sentences, "drone", width=60)
    expected = re.findall(r"\bdrones?\b", raw_text(CNN), flags=re.IGNORECASE)
    assert len(kwic) == len(expected)
    texts = cnn_sentences.set_index("sentence_id")["text"]
    for row in kwic.itertuples():
        sentence = texts[row.sentence_id]
        assert sentence[row.start : row.end] == row.keyword  # no sentence offset: text offsets
        assert sentence[: row.start].rstrip().endswith(row.left)
        assert sentence[row.end :].lstrip().startswith(row.right)
    headline = kwic[kwic["left"] == "Iran acknowledges providing"]
    assert list(headline["right"]) == ["to Russia before Moscow’s invasion of Ukraine"]


def test_concordance_offsets_point_into_the_clean_text():
    sentence = "Iran has denied the accusations and said that any Iranian-made drones"
    frame = pd.DataFrame(
        {"article_id": [FBA], "sentence_id": [9], "start": [1000], "text": [sentence]}
    )
    kwic = language.concordance(frame, "drone")
    assert list(kwic[["start", "end"]].iloc[0]) == [
        1000 + sentence.index("drones"),
        1000 + len(sentence),
    ]


# --------------------------------------------------------------------------- dispersion


def test_dispersion_runs_through_the_articles_in_date_order(corpus):
    sentences, articles = corpus
    hits, spans = language.dispersion(sentences, articles, ["drone", "missile", "Iran"])
    assert list(spans["published"]) == sorted(SEED_META[a][1] for a in SEED_META)
    assert (spans["first_word"].diff().dropna() > 0).all()
    assert hits["word_offset"].is_monotonic_increasing
    n_drones = len(language.concordance(sentences, "drone"))
    assert (hits["keyword"] == "drone").sum() == n_drones
    span_of = spans.set_index("article_id")
    for hit in hits.itertuples():
        first, size = span_of.loc[hit.article_id, ["first_word", "n_words"]]
        assert first <= hit.word_offset < first + size
    fig = language.plot_dispersion(hits, spans, ["drone", "missile", "Iran"])
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["drone", "missile", "Iran"]


def test_dispersion_bins_count_every_hit_once_in_a_few_hundred_rows():
    """Two articles of 1,000 words each, a keyword at written offsets: the bins hold every hit
    once, in the stretch that contains it, whatever the number of hits."""
    spans = pd.DataFrame({
        "article_id": ["a", "b"], "outlet": ["Harbour Times", "Valley Post"],
        "published": ["2024-01-01", "2024-01-02"], "first_word": [0, 1000], "n_words": 1000,
    })  # fmt: skip
    offsets = [3, 4, 5, 999, 1000, 1999] + list(range(1200, 1800))
    hits = pd.DataFrame({
        "keyword": ["flood"] * len(offsets), "word_offset": offsets,
        "article_id": ["a" if o < 1000 else "b" for o in offsets],
    })  # fmt: skip
    hits = pd.concat([hits, hits.head(2).assign(keyword="levee")], ignore_index=True)
    bins = language.dispersion_bins(hits, spans, ["levee", "flood"], bins=100)
    assert list(bins["keyword"].unique()) == ["levee", "flood"]
    assert bins.groupby("keyword")["hits"].sum().to_dict() == {"flood": 606, "levee": 2}
    assert len(bins) <= 2 * 100
    first = bins.iloc[1]  # flood's first stretch: words 0 to 20 hold 3, 4 and 5
    assert (first["first_word"], first["end_word"], first["hits"], first["article_id"]) == (
        0, 20, 3, "a",
    )  # fmt: skip
    for row in bins.itertuples():
        inside = hits[(hits["keyword"] == row.keyword)
                      & hits["word_offset"].between(row.first_word, row.end_word - 1)]  # fmt: skip
        assert len(inside) == row.hits
    fig = language.plot_dispersion(hits, spans, ["levee", "flood"])
    assert len(fig.axes[0].patches) == len(
        language.dispersion_bins(hits, spans, ["levee", "flood"])
    )


# --------------------------------------------------------------------------- framing


def test_framing_of_real_sentences():
    sentences, articles = one_outlet(DENIED, ACKNOWLEDGED, ACCUSED, ALLEGED, NO_IRAN)
    framed = language.framed_sentences(sentences, articles, FRAMING)
    frames = framed.groupby("sentence_id")["frame"].apply(list).to_dict()
    assert frames == {
        1: ["denied", "alleged"],  # "as reported by ... ISNA"
        2: ["confirmed"],
        3: ["accused"],
        4: ["alleged"],
    }
    assert framed.loc[framed["sentence_id"] == 1, "cue"].tolist() == ["denied", "reported"]


def test_framing_by_outlet_counts_every_frame_including_zeros(corpus):
    summary = language.framing_by_outlet(*corpus, FRAMING)
    assert len(summary) == len(SEED_META) * len(FRAMING.frames)
    assert list(summary["frame"].unique()) == ["accused", "denied", "confirmed", "alleged"]
    cnn = summary[summary["outlet"] == "CNN"].set_index("frame")
    n_iran = sum(
        bool(re.search(r"\b(Iran|Iranian|Tehran)", line))
        for line in raw_text(CNN).splitlines()
        if line.strip()
    )
    assert (cnn["n_target_sentences"] == n_iran).all()
    # "Iran acknowledges providing drones ..." and "The Iranian government acknowledged ..."
    assert cnn.loc["confirmed", "n_sentences"] == 2
    vietnam = summary[summary["outlet"] == "Vietnamese outlet"]
    assert (vietnam["n_target_sentences"] == 0).all() and vietnam["share"].isna().all()


# --------------------------------------------------------------------------- sentiment


def test_vader_reads_the_lexicon_of_the_vadersentiment_package():
    assert language.vader().lexicon == ReferenceVader().lexicon


def test_vader_scores_equal_vadersentiment_on_seed_lines_without_one_character_words():
    # NLTK's port skips one-character tokens ("a", "7", "-"), so only lines without them
    # can match vaderSentiment exactly; on those every score must be equal.
    lines = [line.strip() for a in SEED_META for line in raw_text(a).splitlines() if line.strip()]
    comparable = [line for line in lines if all(len(t) > 1 for t in line.split())]
    assert DENIED in comparable and len(comparable) >= len(lines) / 2
    reference = ReferenceVader()
    for line in comparable:
        assert language.vader().polarity_scores(line) == reference.polarity_scores(line), line


def test_nltk_vader_drops_one_letter_words_so_only_compound_agrees():
    # NLTK's port skips one-letter tokens such as "a"; vaderSentiment 3.3.2 counts them as
    # neutral words. The compound score agrees; the neg/neu/pos proportions do not.
    sentence = (
        "Iranian drones have played a significant role in the conflict since Russia launched "
        "its full-scale invasion of Ukraine in late February"
    )
    ours, reference = (
        language.vader().polarity_scores(sentence),
        ReferenceVader().polarity_scores(sentence),
    )
    assert ours["compound"] == reference["compound"]
    assert ours["neu"] != reference["neu"]


def test_sentiment_by_outlet_separates_the_sentences_naming_the_target(corpus):
    sentences, articles = corpus
    scores = language.sentence_sentiment(sentences, FRAMING.pattern)
    assert scores["compound"].between(-1, 1).all()
    denied = scores[scores["text"] == DENIED]
    assert denied["compound"].iloc[0] < 0 and bool(denied["names_target"].iloc[0])
    assert not scores.loc[scores["text"] == NO_IRAN, "names_target"].any()
    summary = language.sentiment_by_outlet(scores, articles).set_index(["outlet", "subset"])
    vietnam = summary.loc[("Vietnamese outlet", "target")]
    assert vietnam["n_sentences"] == 0 and math.isnan(vietnam["mean_compound"])
    cnn_all = summary.loc[("CNN", "all")]
    assert cnn_all["n_sentences"] == (sentences["article_id"] == CNN).sum()
    shares = cnn_all[["share_negative", "share_neutral", "share_positive"]]
    assert math.isclose(shares.sum(), 1.0)


# --------------------------------------------------------------------------- no NLTK data


def test_everything_runs_without_nltk_data(tmp_path):
    script = textwrap.dedent(
        f"""
        import nltk, pandas as pd
        nltk.data.path[:] = [{str(tmp_path)!r}]
        try:
            nltk.word_tokenize("Iran denied it.")
        except LookupError:
            pass
        else:
            raise SystemExit("NLTK data was found, so this test proves nothing")
        from helpers import language
        s = pd.DataFrame({{"article_id": ["a"], "sentence_id": [1], "text": [{DENIED!r}]}})
        a = pd.DataFrame({{"article_id": ["a"], "outlet": ["AP"]}})
        assert language.word_frequencies(s, a)["word"].tolist()
        assert len(language.concordance(s, "missile")) == 1
        from helpers.study import load_study
        framing = load_study("iran-drones").framing
        assert language.framed_sentences(s, a, framing)["frame"].tolist() == ["denied", "alleged"]
        assert language.sentence_sentiment(s)["compound"].iloc[0] < 0
        print("ok")
        """
    )
    env = {"NLTK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
