"""Work the extractor does only when asked gives what doing it up front gave."""

from __future__ import annotations

from pathlib import Path

import yaml

from conflictwatch.extract import acronyms, attribution, nlp
from conflictwatch.extract.claims import _parse_candidates
from conflictwatch.extract.numbers import _patterns, find_figures, may_have_figures
from conflictwatch.extract.quotes import QUOTES
from conflictwatch.extract.sentences import split_sentences

GOLD = Path(__file__).resolve().parents[1] / "gold"


def test_entities_are_recognised_only_when_asked_and_as_the_whole_pipeline_would() -> None:
    text = ("Gunmen killed Ahmed Salem and two guards in Kandahar on Monday, police said. "
            "Fighters from Jaish al-Islam shot dead a Syrian Red Crescent driver near Douma.")
    sentences = split_sentences(text)
    nlp._docs.clear()  # not parsed (with or without entities) by an earlier test
    docs = _parse_candidates(sentences)
    assert docs, "both sentences name somebody killed: both are parsed"
    assert not any(d.user_data.get("ner") for d in docs.values())  # nothing fetched in advance
    # What fetching them for all the parsed sentences in one batch (the earlier way) gave.
    fresh = [nlp.pipeline()(doc.text) for doc in docs.values()]
    batch = list(nlp.pipeline().get_pipe("ner").pipe(fresh, batch_size=64))
    for (sent_index, doc), ahead in zip(docs.items(), batch, strict=True):
        expected = [(e.start_char, e.end_char, e.label_) for e in ahead.ents]
        got = [(e.start_char, e.end_char, e.label_) for e in nlp.entities(doc).ents]
        assert got == expected and expected, sentences[sent_index].text
        assert doc.user_data.get("ner")


def _gold_sentences() -> list[str]:
    out = []
    for f in sorted(GOLD.glob("*.yaml")):
        for a in yaml.safe_load(f.read_text("utf-8"))["articles"]:
            out += [s.text.translate(QUOTES) for s in split_sentences(a.get("text") or "")]
    return out


def test_a_text_said_to_hold_no_figure_holds_none() -> None:
    sentences = _gold_sentences() + [
        "No numbers here, only words.",
        "Dozens were hurt; SEVENTEEN died and 3,000 fled.",
        "\u017fix were killed (the \u212aelvin sign too)",  # IGNORECASE: the long s matches "s"
    ]
    skipped = [s for s in sentences if not may_have_figures(s)]
    assert len(skipped) > len(sentences) / 3  # the filter does skip most sentences of wire copy
    for s in sentences:
        if not may_have_figures(s):
            assert find_figures(s) == [], s
            assert all(rx.search(s) is None for rx in _patterns()), s  # what the filter skips
    assert may_have_figures(sentences[-1]) and _patterns()[0].search(sentences[-1])
    assert may_have_figures("Dozens were hurt") and not may_have_figures("No numbers here")


def test_organisation_and_acronym_mentions_skip_nothing_they_found() -> None:
    """The head-noun filter turns away only sentences where the head-noun search finds nothing."""
    heads = attribution._config()[3]
    sentences = _gold_sentences() + ["The Saudi Press Agency said", "ARMY COMMAND", "\u212aurdish Red Crescent"]
    skipped = 0
    for s in sentences:
        if not attribution._org_head_words().may_match(s):
            skipped += 1
            assert heads.search(s) is None and attribution._org_mentions(s) == [], s
    assert skipped > len(sentences) / 3
    assert attribution._org_mentions("The Saudi Press Agency said") == [(4, 22, "Saudi Press Agency")]
    assert [m[2] for m in acronyms.acronym_mentions("AFP said JNIM fighters and OCHA")] == ["JNIM", "OCHA"]


def test_mentions_kept_from_before_anything_was_remembered_are_not_reused_after() -> None:
    """The lead's source mentions are kept and given again for the same sentence while nothing is
    remembered; once a source is (here the armed group that spoke last), "the group" is read anew."""
    sentence = "The group said five people were killed."
    d = attribution.Discourse("Gunmen attacked a village on Monday. " + sentence)
    first = d.mentions(sentence)
    assert [(m.name, m.kind) for m in first] == [(None, "monitor")]
    assert d.mentions(sentence) == first  # the kept answer, the same as reading it again
    d.last_by_kind["armed group"] = "Al Shabaab"
    assert [(m.name, m.kind) for m in d.mentions(sentence)] == [("Al Shabaab", "monitor")]
    council = "The council said two children died."
    fresh = attribution.Discourse(d.article_text)
    assert "Idlib City Council" not in [m.name for m in fresh.mentions(council)]
    fresh.orgs["council"] = "Idlib City Council"  # an organisation remembered: read anew too
    assert "Idlib City Council" in [m.name for m in fresh.mentions(council)]


def test_place_mentions_read_again_are_those_read_fresh() -> None:
    """`find_places` keeps the mentions of the sentences it read last, with the spans it was told
    to skip: asked again, it gives what reading the sentence afresh gives, and other spans are
    never given the answer of the first."""
    from conflictwatch.extract.places import _find_places, _places_in, find_places

    sentences = [s for s in _gold_sentences() if _find_places(s)][:300]
    assert len(sentences) > 100
    _places_in.cache_clear()
    skipped = 0
    for s in sentences:
        first = _find_places(s)[0]
        for skip in ([], [(first.start, first.end)], [(0, len(s))], [(first.end, len(s))]):
            fresh = _find_places(s, skip)
            assert find_places(s, skip) == find_places(s, list(skip))  # the second from the cache
            assert list(_places_in(s, tuple(skip))) == fresh, (s, skip)
        skipped += first not in find_places(s, [(first.start, first.end)])
        assert find_places(s, [(0, len(s))]) == []
    assert skipped == len(sentences)
    assert _places_in.cache_info().hits > 3 * len(sentences)


def test_sentence_boundaries_found_after_a_stop_only_are_all_of_them() -> None:
    """The boundary pattern says once, in front, that a boundary follows ".", "!" or "?" (each of
    its alternatives says so itself): the same boundaries as the alternatives alone, on the gold
    articles and on quotes, brackets and glued full stops."""
    import re

    from conflictwatch.extract import sentences

    guarded = sentences._BOUNDARY.pattern
    assert guarded.startswith("(?<=[.!?])(?:") and guarded.endswith(")")
    alone = re.compile(guarded[len("(?<=[.!?])(?:") : -1])
    texts = [a.get("text") or "" for f in sorted(GOLD.glob("*.yaml"))
             for a in yaml.safe_load(f.read_text("utf-8"))["articles"]]
    texts += ['He said: "Go." Then 3 died! Why? (It was late.) The U.S.-led force. Sept. 22 it ended.',
              "the road.The convoy", "from the Amhara region\u201d.At least", "Slidstvo.Info\u201d said",
              "\u201cNo.\u201d \u2018Yes.\u2019 'Maybe.' (Done.) ...And so.  Next"]
    found = 0
    for t in texts:
        want = [m.span() for m in alone.finditer(t)]
        assert [m.span() for m in sentences._BOUNDARY.finditer(t)] == want, t[:80]
        found += len(want)
    assert found > 200


def test_quotes_straightened_by_replace_are_what_the_translation_table_gives() -> None:
    """`straight_quotes` is `translate(QUOTES)`, on ASCII texts, curly quotes, other non-ASCII
    characters and the real articles of ../shared when present."""
    from conflictwatch.extract.quotes import straight_quotes

    texts = [a.get("text") or "" for f in sorted(GOLD.glob("*.yaml"))
             for a in yaml.safe_load(f.read_text("utf-8"))["articles"]]
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    texts += [p.read_text("utf-8", errors="replace") for p in sorted(shared.glob("*"))[:20] if p.is_file()]
    texts += ["", "plain", "\u2018a\u2019 \u201cb\u201d \u201a\u201e\u2032 caf\u00e9 \u212aill", "\u2019" * 5 + "x\u201d"]
    assert any(not t.isascii() for t in texts)
    for t in texts:
        assert straight_quotes(t) == t.translate(QUOTES)
        assert len(straight_quotes(t)) == len(t)  # offsets still point into the text
