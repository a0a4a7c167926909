"""Work the extractor does only when asked gives what doing it up front gave."""

from __future__ import annotations

from conflictwatch.extract import nlp
from conflictwatch.extract.claims import _parse_candidates
from conflictwatch.extract.sentences import split_sentences


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
