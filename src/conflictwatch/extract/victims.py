"""Victims read from a sentence's dependency parse: who was killed or hurt, and how many.

Patterns see "killed 14 people"; real reports more often say "a police officer was shot dead",
"the body of a woman was found", "militants beheaded a farmer", "Mohsen died of his wounds",
"A 14-year-old boy and a man, 20, were killed". The parse links the killing word to the noun it
acts on (object, passive subject, subject of "die", "the death of ..."), and the victim phrase
gives the count: a number, a list of people (its length), a singular noun or a named person (1).
A plural with no number ("villagers were killed") says people died but gives no figure: its
value is None, never a guess. Verbs that did not happen ("could kill", "tried to kill", "no one
was killed") give nothing. The trigger words are data (lexicon.yaml, "Read from the parse").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from conflictwatch.extract.nlp import entities, lemma, named_after, single_token_entity
from conflictwatch.extract.victimcount import (
    AGE,
    ANIMALS_AFTER,
    QUANTITY_NOUNS,
    SINGLE_PRONOUNS,
    animals,
    apposed_group,
    count_group,
    in_dashed_breakdown,
    left_index,
    listed_after,
    merge_adjacent,
    named_again,
    names_of_count,
    same_person_again,
)
from conflictwatch.extract.victimwords import Words as _Words
from conflictwatch.extract.victimwords import words as _words
from conflictwatch.models import Range

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MODALS = {"could", "would", "might", "may", "will", "shall", "should", "can", "'ll", "must"}
_NOBODY = {"nobody", "none", "no one", "noone"}
_EACH = {"each", "every", "any"}  # a rule about anyone, no one in particular
_MARTYRDOM = {"shahadat", "shahadah", "shahadath", "martyrdom"}
_ACCUSED = {"accused", "suspected", "charged", "convicted", "wanted", "sentenced", "arrested", "jailed"}
_NOT_A_DEATH = {"toll", "penalty", "sentence", "threat", "threats", "squad"}
_STATE_DEPS = ("oprd", "acomp", "xcomp", "ccomp", "amod")
_NOT_PERSON_ENTS = {"GPE", "LOC", "FAC", "ORG", "PRODUCT", "EVENT", "DATE", "TIME", "WORK_OF_ART"}
_MODIFIER_DEPS = {"det", "nummod", "quantmod", "amod", "compound", "poss", "advmod", "predet"}


@dataclass(frozen=True)
class Victim:
    """People killed or hurt, as one phrase of the sentence names them."""

    kind: str  # "killed" | "injured"
    value: Range | None  # None: people were hit but the text gives no count
    start: int  # character span of the victim phrase in the sentence
    end: int
    noun: str  # head noun, lower case ("boy", "people"; a name for a named person)
    cls: str  # people | children | combatants (lexicon.yaml `victims`)
    trigger: int  # character offset of the killing or wounding word


@lru_cache(maxsize=2048)
def may_have_victims(sentence: str) -> bool:
    """Cheap test: could this sentence name anybody killed or hurt? Only these are parsed.
    Cached: a chunk's sentences are tested to prime the parser, then again by the extractor."""
    w = _words()
    if w.prefilter_words.may_match(sentence) and w.prefilter.search(sentence):
        return True
    return all(f.may_match(sentence) for f in w.manner_words) and bool(w.prefilter_manner.search(sentence))


def find_victims(doc: Doc) -> list[Victim]:
    """Every victim phrase in a parsed sentence, in text order, each counted once."""
    w = _words()
    out: list[Victim] = []
    seen: set[int] = set()
    found = [(kind, heads, tok) for tok in doc for kind, heads in _triggered(tok, w) if not _unreal(tok, w)]
    # Deaths first: "a sergeant was injured ... and died of his wounds" is one man killed.
    found.sort(key=lambda x: (x[0] != "killed", x[2].i))
    for kind, heads, tok in found:
        # "the decapitated body of a boy": the boy
        heads = [_body_owner(h) if h.lower_ in w.body or lemma(h) in w.body else h for h in heads]
        group = _group(heads)
        group = [h for h in _people(group, w) if h.i not in seen and not _EACH.intersection(
            d.lower_ for d in h.children if d.dep_ == "det")]  # ("for the family of each martyred soldier")
        if not group:
            continue
        seen.update(h.i for h in group)
        start = min(_phrase_start(h) for h in group)
        group = merge_adjacent(group)
        value = count_group(group)
        if value is None and len(group) == 1 and (apposed := apposed_group(group[0])):
            group, value = apposed, count_group(apposed)  # "The latest victims, two tailors, were ..."
        end = max(h.idx + len(h.text) for h in group)
        noun = group[0].lower_ if group[0].pos_ != "PROPN" else group[0].text
        out.append(Victim(kind, value, start, end, noun, _class(group, w), tok.idx))
    out.sort(key=lambda v: v.start)
    return out


def find_killers(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of who did the killing ("A mob of a dozen people hacked to death two
    leaders"): the subject of an active killing verb that has an object. A figure inside one
    counts attackers, not victims."""
    w = _words()
    spans: list[tuple[int, int]] = []
    for tok in doc:
        if tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN") or _unreal(tok, w):
            continue
        base = lemma(tok)
        if not (base in w.kill or (base in w.to_death and _to_death(tok))):
            continue
        kids = list(tok.children)
        for c in kids:
            if c.dep_ != "agent":
                continue
            for p in c.children:  # "shot dead by a member of the OPC": the member killed
                if p.dep_ != "pobj" or not _is_person(p, w):
                    continue  # "killed by a roadside bomb and three civilians by gunfire"
                stop = min([k.i for k in p.children if k.dep_ in ("cc", "conj")] + [p.right_edge.i + 1])
                last = p.doc[stop - 1]
                spans.append((p.left_edge.idx, last.idx + len(last.text)))
        if not any(c.dep_ in ("dobj", "obj") for c in kids) or any(c.dep_ == "nsubjpass" for c in kids):
            continue
        for c in kids:
            if c.dep_ == "nsubj" and c.i < tok.i:
                sub = [t for t in c.subtree if t.i < tok.i]  # the parser may hang later words on it
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
        if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and tok.head.i < tok.i:
            # the parser hangs a finite verb on the noun before it: "a dozen people hacked ..."
            spans.append((tok.head.left_edge.idx, tok.idx))
    return spans



def find_spared(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of people who met another fate ("Relatives of the dead said 14 people had
    been arrested", "police arrested 14 people"): the passive subject or the object of a verb of
    `other_fate_verbs`, unless a killing or wounding verb shares it ("were abducted and killed"
    still kills; "20 were killed and 14 were arrested" are two groups). A figure inside one
    counts no victims."""
    w = _words()
    harm = w.kill | w.die | w.injure | w.to_death

    def subject(v: Token) -> bool:
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)

    spans: list[tuple[int, int]] = []
    for tok in doc:
        if not tok.tag_.startswith("VB") or lemma(tok) not in w.other_fate:
            continue
        joined = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        if any(lemma(v) in harm and not (subject(v) and subject(tok)) for v in joined):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        for c in tok.children:
            if (passive and c.dep_ == "nsubjpass" and c.i < tok.i) or (
                not passive and c.dep_ in ("dobj", "obj") and c.i > tok.i
            ):
                sub = [t for t in c.subtree if (t.i < tok.i) == (c.i < tok.i)]
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return spans

# -- which tokens a trigger names as its victims ---------------------------------------------------


def _triggered(tok: Token, w: _Words) -> list[tuple[str, list[Token]]]:
    base, low = lemma(tok), tok.lower_
    verbal = tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")
    verbal = verbal or (tok.pos_ == "ADJ" and low.endswith("ed"))
    if verbal:
        if base in w.kill or low in ("slain", "martyred") or (base in w.to_death and _to_death(tok)):
            return [("killed", _with_companions(tok, _patients(tok)))]
        if base in w.injure or (base in ("shoot", "stab") and _in_body_part(tok)):
            # ("was shot in the arm", "stabbed in the chest": hurt, not killed; "fatally wounded": dead)
            fatal = any(c.lower_ in ("fatally", "mortally") for c in tok.children)
            return [("killed" if fatal else "injured", _with_companions(tok, _patients(tok)))]
        if base in w.die:
            if _natural_cause(tok):
                return []  # "died of exhaustion while fleeing": no one killed him
            return [("killed", _subjects(tok))]
        if base == "embrace" and any(c.dep_ == "dobj" and c.lower_ in _MARTYRDOM for c in tok.children):
            return [("killed", _subjects(tok))]  # "two soldiers, Naik X, 31, and Sepoy Y, embraced shahadat"
        if base in ("lose", "sacrifice", "claim", "take", "cost"):  # only these (not every token)
            lives = next((c for c in tok.children if c.dep_ == "dobj" and lemma(c) == "life"), None)
            if lives is not None and base in ("lose", "sacrifice"):  # "lost their lives"
                return [("killed", _subjects(tok))]
            if lives is not None:  # "claimed the lives of"
                return [("killed", [_named_then_noun(o, before_verb=False) for o in _of_objects(lives)])]
        if base in w.find:
            state = _state(tok, w)
            patients = _patients(tok)
            bodies = [p for p in patients if lemma(p) in w.body or p.lower_ in w.body]
            # "found a clandestine grave containing the remains of 17 people": the grave's bodies
            bodies += [o for p in patients if lemma(p) in _GRAVES for a in p.children
                       if a.dep_ == "acl" and lemma(a) in ("contain", "hold")
                       for o in a.children if o.dep_ == "dobj" and (lemma(o) in w.body or o.lower_ in w.body)]
            if bodies:
                return [("killed", [_body_owner(b) for b in bodies])]
            if state:
                return [(state, patients)]
    if tok.pos_ in ("NOUN", "PROPN") and base in w.death and tok.dep_ != "compound":
        if any((c.dep_ == "compound" and c.lower_ not in w.killing_kinds) or c.lower_ in _NOT_A_DEATH
               for c in tok.children):
            return []
        # "the death of a regime first lieutenant": the parser may head the phrase with "regime"
        return [("killed", [_named_then_noun(o, before_verb=False) for o in _of_objects(tok)])]
    if tok.pos_ == "NOUN" and (low in w.body or base in w.body) and any(
        c.dep_ == "amod" and c.lower_ in w.body_states for c in tok.children
    ):
        return [("killed", [tok])]  # "the dismembered body of one of his victims"
    if tok.pos_ == "NOUN" and low in w.parts and any(
        c.dep_ in ("amod", "compound") and c.lower_ in w.part_states for c in tok.children
    ):
        return [("killed", [tok])]  # "a severed human head was found in a cooler"
    if low == "dead" and tok.dep_ in ("acomp", "oprd", "attr") and tok.head.pos_ in ("AUX", "VERB"):
        # "Two people are dead", "the two men lay dead"
        return [("killed", [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")][:1])]
    if low in w.dead | w.hurt and tok.dep_ == "amod" and tok.head.pos_ == "NUM":
        return []
    return []


_GRAVES = frozenset({"grave", "pit", "trench", "well", "site"})


def _in_body_part(tok: Token) -> bool:
    """ "shot in the arm": the verb's "in" names a part of the body."""
    w = _words()
    if any(lemma(t) in w.die or lemma(t) in w.kill or t.lower_ in w.dead for t in tok.doc):
        return False  # "he died after he was shot in the abdomen": the wound that killed him
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ in w.wound_sites for p in c.children)
               for c in tok.children)


def _to_death(tok: Token) -> bool:
    """ "shot dead", "stabbed to death", "gunned down", "hacked to death"."""
    for c in tok.children:
        if c.lower_ in ("dead",):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children):
            return True
        if c.dep_ == "prt" and c.lower_ == "down" and lemma(tok) in ("gun", "mow", "cut"):
            return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ == "dead"


def _state(tok: Token, w: _Words) -> str | None:
    """ "found dead", "leaving four people dead", "left two injured"."""
    for c in tok.subtree:
        if c.i <= tok.i or c.i > tok.i + 8:
            continue
        if c.lower_ in w.dead and c.dep_ in (*_STATE_DEPS, "advmod", "conj", "dobj"):
            return "killed"
        if c.lower_ in w.hurt and c.dep_ in (*_STATE_DEPS, "acl"):
            return "injured"
    return None


def _patients(tok: Token) -> list[Token]:
    """Who the verb was done to: passive subject, object, or the noun a participle describes."""
    kids = list(tok.children)
    passive = [c for c in kids if c.dep_ == "nsubjpass"]
    if not passive:
        aux = [c for c in kids if c.dep_ == "auxpass"]
        # "6 kinsmen ... were, Monday, murdered": the subject hangs on the verb or on its "were"
        passive = [c for a in ([tok] if aux else []) + aux for c in a.children if c.dep_ == "nsubj"]
        # ("67 Palestinians waiting for aid trucks ... were killed": the subject hangs on "waiting")
        passive = passive or [c for a in kids if a.dep_ == "csubjpass"
                              for c in a.children if c.dep_ == "nsubj"]
    if passive:
        return [_named_then_noun(_antecedent(c)) for c in passive]
    has_object = any(c.dep_ in ("dobj", "obj") for c in kids)
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN" and not has_object:
        between = tok.doc[min(tok.i, tok.head.i) + 1 : max(tok.i, tok.head.i)]
        if any(t.is_punct for t in between):
            return []  # "civilians, including a girl, injured": the participle is the sentence's
        return [tok.head]  # "two soldiers killed in the ambush", "the slain officer"
    objects = [c for c in kids if c.dep_ in ("dobj", "obj")]
    # "killed the District Head of X, Alhaji Y, and two of his aides": the parser hangs the second
    # object on the verb
    # (and "killed the police chief and at least four other people": a counted noun with no verb of its own)
    objects += [c for c in kids if c.dep_ == "conj" and objects and c.i > objects[0].i and (
        c.pos_ == "NUM" or (c.pos_ == "NOUN" and any(n.dep_ == "nummod" for n in c.children)
                            and not any(n.dep_ in ("nsubj", "nsubjpass", "dobj") for n in c.children)))]
    if objects:
        return [_named_then_noun(_antecedent(c), before_verb=False) for c in objects]
    own = [c for c in kids if c.dep_ == "nsubj"]
    if tok.dep_ == "conj" and own and any(c.dep_ == "auxpass" for c in tok.head.children):
        # "22 soldiers were wounded and 37 assailants killed": the second verb's own subject,
        # passive like the first's ("were" left out)
        return [_named_then_noun(_antecedent(c)) for c in own]
    if tok.dep_ == "conj" and not own and any(c.dep_ == "auxpass" for c in kids):
        # "A policeman deployed for the security of a team was shot dead": the parser read
        # "deployed" as the verb and "was shot" as a second one; its subject is who was shot
        subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.head.i]
        if subjects:
            return [_named_then_noun(_antecedent(c)) for c in subjects]
    if tok.dep_ == "conj" and (tok.tag_ == "VBN" or any(c.dep_ == "agent" for c in kids)
                               or (not own and any(c.dep_ == "auxpass" for c in tok.head.children))):
        # "a man was shot and killed": the passive subject sits on the first verb (the parser may
        # tag the second a past tense: "was dragged from his house by a gang and killed");
        # "the young man named Noorullah, and shot dead by Taliban": the noun itself
        head = tok.head
        if head.pos_ in ("NOUN", "PROPN"):
            return [head]
        subjects = [_antecedent(c) for c in head.children if c.dep_ == "nsubjpass"]
        if subjects or head.pos_ in ("AUX", "VERB") and lemma(head) not in ("accord",):
            return subjects
        # the parser hung the participle on "According": the person noun just before it
        w = _words()
        before = [t for t in head.subtree if t.i < tok.i and t.pos_ == "NOUN" and _is_person(t, w)]
        return before[-1:]
    if tok.tag_ == "VBN" and tok.dep_ in ("advcl", "ccomp", "xcomp", "acomp") and tok.head.pos_ == "AUX" \
            and tok.head.lower_ in ("was", "were") and tok.head.i < tok.i:
        # "Five members of the corps were on Sunday killed": the parser hangs the participle on "were"
        subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.head.i]
        if subjects:
            return [_named_then_noun(_antecedent(c)) for c in subjects]
    headline = tok.tag_ == "VBN" and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl")
    if headline and not any(c.dep_ == "nsubj" for c in kids):
        # headline style: "Two soldiers killed in Borno"
        return [c for c in kids if c.dep_ in ("nsubj", "npadvmod") and c.i < tok.i]
    return []


_NATURAL_CAUSES = {
    "exhaustion", "cause", "causes", "illness", "disease", "attack", "failure", "age", "stroke",
}


def _natural_cause(verb: Token) -> bool:
    """ "died of exhaustion", "died of natural causes", "died of a heart attack"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            for o in c.children:
                if o.dep_ == "pobj" and o.lower_ in _NATURAL_CAUSES and (
                    o.lower_ != "attack" or any(x.lower_ == "heart" for x in o.children)
                ) and (o.lower_ not in ("cause", "causes") or any(x.lower_ == "natural" for x in o.children)):
                    return True
    return False


def _with_companions(verb: Token, patients: list[Token]) -> list[Token]:
    """ "killed the mayor, along with his bodyguard", "the commander, together with two of his
    escorts, was killed": the people killed with the victim are victims too."""
    if not patients:
        return patients
    w = _words()
    out = list(patients)
    for holder in (verb, *patients):
        for c in holder.children:
            if c.lower_ == "along" and c.dep_ in ("prep", "advmod"):
                withs = [x for x in c.children if x.lower_ == "with" and x.dep_ == "prep"]
            elif c.lower_ == "alongside" and c.dep_ == "prep":  # "alongside 12 of his fighters"
                withs = [c]
            elif c.lower_ == "along" and c.dep_ == "prt":  # ("along" a particle, "with" beside it)
                withs = [x for x in holder.children if x.lower_ == "with" and x.i == c.i + 1]
            elif c.lower_ == "with" and c.dep_ == "prep" and any(x.lower_ in ("together", "along")
                                                                 for x in c.children):
                withs = [c]
            else:
                continue
            for x in withs:
                out += [o for o in x.children if o.dep_ == "pobj" and (_is_person(o, w) or o.pos_ == "NUM")
                        and o not in out]
    return out


def _subjects(tok: Token) -> list[Token]:
    # (two subjects are a misparse: "Four men suspected of belonging to the X faction died": the men)
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")][:1]
    if subj:
        return [_antecedent(c) for c in subj]
    if tok.dep_ == "conj":
        return [_antecedent(c) for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ in ("acl", "relcl"):
        return [tok.head]
    return []


def _named_then_noun(tok: Token, before_verb: bool = True) -> Token:
    """ "A Communist Party of the Philippines-New People's Army (CPP-NPA) rebel was killed",
    "killing a regime first lieutenant": the parser takes a name or a modifier for the head; the
    person noun that ends the phrase is the victim."""
    if tok.pos_ not in ("PROPN", "NOUN"):
        return tok
    last = max(tok.subtree, key=lambda t: t.i)
    if last.i <= tok.i or last.pos_ != "NOUN" or last.tag_ not in ("NN", "NNS"):
        return tok
    nxt = tok.doc[last.i + 1] if last.i + 1 < len(tok.doc) else None
    if before_verb and (nxt is None or nxt.pos_ not in ("AUX", "VERB")):
        return tok
    phrase_ends = nxt is None or nxt.pos_ in ("PUNCT", "ADP", "CCONJ", "SCONJ")
    if (not before_verb and not phrase_ends) or last.i - tok.i > 20:
        return tok
    w = _words()
    if not _is_person(last, w):
        return tok
    if tok.pos_ == "PROPN":
        entities(tok.doc)
        return tok if tok.ent_type_ == "PERSON" else last  # "Mohammed Ali, a farmer": Ali
    return tok if _is_person(tok, w) else last


def _antecedent(tok: Token) -> Token:
    """ "a man who was killed": the relative pronoun stands for the noun it hangs on."""
    if tok.lower_ in ("who", "that", "whom") and tok.head.dep_ == "relcl":
        noun = tok.head.head
        before = noun.doc[noun.head.i - 1] if noun.head.i > 0 else noun
        if noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.lower_ in ("from", "in") \
                and before.tag_ == "NNS":
            return before  # "two fighters from Aitaroun who had died": the fighters, not their village
        return noun
    if tok.lower_ == "them" and tok.dep_ == "dobj" and tok.head.dep_ == "conj":
        # "offloaded nine passengers from a coach and shot them dead": the first verb's object
        first = [c for c in tok.head.head.children if c.dep_ == "dobj" and c.tag_ == "NNS"
                 and any(n.dep_ == "nummod" for n in c.children)]
        return first[0] if first else tok
    return tok


def _of_objects(tok: Token) -> list[Token]:
    """The objects of the word's "of" phrases: "the bodies of five men" -> [men]."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]


def _body_owner(body: Token) -> Token:
    """ "the bodies of five men" -> men; "five bodies" -> bodies (counted by their number)."""
    return next(iter(_of_objects(body)), body)


def _unreal(tok: Token, w: _Words) -> bool:
    """Negated, modal or intended: "could kill", "was not killed", "threatened to kill"."""
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "aux" and c.lower_ in _MODALS:
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            c.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        ):
            return True  # "no one was killed", "killing nobody", "no civilians were hurt"
    dep = tok.dep_
    if dep in ("xcomp", "acl", "advcl", "ccomp") and lemma(tok.head) in w.unreal:
        return True
    if dep == "conj" and tok.head.dep_ in ("xcomp",) and lemma(tok.head.head) in w.unreal:
        return True
    if dep != "pcomp":
        return False
    # "a man accused of murdering a trader": his crime, told about him (not "accused the army of killing 30")
    head = tok.head
    return head.lower_ in ("of", "for", "with") and head.head.lower_ in _ACCUSED \
        and head.head.dep_ in ("acl", "relcl")


# -- counting the victims of one trigger ------------------------------------------------------------


def _group(heads: list[Token]) -> list[Token]:
    """The heads with their coordinated nouns: "a boy and a man" -> [boy, man]."""
    out: list[Token] = []
    heads = [_quantified(h) for h in heads]
    named = {t.i for h in heads for t in names_of_count(h)}
    for h in heads:
        of_at = [c.i for c in h.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > h.i]
        # "Seven gunmen, among them a commander, and an officer": the commander is one of the seven
        among = len(heads) > 1 and (any(c.dep_ == "prep" and c.lower_ == "among" and c.i < h.i
                                        for c in h.children)
                                    # ("neutralise six terrorists, among them two leaders": of the six)
                                    or (h is not heads[0] and _SUBSET_BEFORE.search(
                                        h.doc[max(0, left_index(h) - 3) : left_index(h)].text) is not None))
        # "serviceman of the Azerbaijan Army, soldier Tural Mammadov, was killed": one man, named again
        # (a coordination with no "and" or "or" anywhere, its second part a name)
        apposed = not any(c.dep_ in ("cc", "preconj") for x in (h, *h.conjuncts) for c in x.children)
        for t in (h, *h.conjuncts, *listed_after(h)):
            if t is h and among:
                continue
            if t is not h and any(c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" for c in t.children):
                continue  # "2,157 killed and 11,894 people arrested": another verb's count
            if t is not h and of_at and of_at[0] < t.i and not _is_person(t, _words()):
                continue  # "two members of IPOB and its armed affiliate": the affiliate is IPOB's
            before = t.doc[max(0, left_index(t) - 3) : left_index(t)].text
            if t is not h and _SUBSET_BEFORE.search(before):
                continue  # "Seven gunmen, among them a commander, and an officer": one of the seven
            if t is not h and t.pos_ == "NUM" and any(x.lower_ in ("aged", "ages") for x in t.doc[h.i : t.i]):
                continue  # "Two brothers aged 14 and 16": the 16 is an age, not a third victim
            if t is not h and in_dashed_breakdown(t):
                continue  # "their two children - a girl, six, and a boy, three - died": the two
            if t is not h and apposed and t.dep_ == "conj" and t.pos_ == "PROPN" and len(h.conjuncts) == 1:
                continue
            if t.i in named or (t is h and out and named_again(h, out[-1])):
                continue  # ("Two commandos, Wangkhem Somorjit and ...": the two, by name)
            if t is not h and same_person_again(t):
                continue  # "a tribal elder and former member of the peace committee": one man
            if t not in out and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
                out.append(t)
    out.sort(key=lambda t: t.i)
    return out


_SUBSET_BEFORE = re.compile(r"\b(?:among them|among whom|including)\s*,?\s*$", re.IGNORECASE)
_BARE_QUANTITIES = {"dozens", "scores", "hundreds", "thousands"}


def _quantified(h: Token) -> Token:
    """ "a total of five militants", "dozens of people": the people are the victims; the quantity
    counts them (see `_count_one`)."""
    if h.lower_ not in QUANTITY_NOUNS:
        return h
    return next(iter(_of_objects(h)), h)


def _people(group: list[Token], w: _Words) -> list[Token]:
    """The heads that are people; a noun listed with a person is one too ("a commander and his
    escort")."""
    if not any(_is_person(h, w) for h in group):
        return []
    return [h for h in group if _is_person(h, w) or (
        h.pos_ == "NOUN" and h.lower_ not in w.not_people and not (h.is_upper and len(h) > 3)  # a dateline
        and not animals(h)
    )]


def _is_person(tok: Token, w: _Words) -> bool:
    low, base = tok.lower_, lemma(tok)
    if low in _NOBODY:
        return False
    if tok.pos_ == "PRON":
        return low in SINGLE_PRONOUNS | {"they", "them", "both", "others", "many", "some", "all", "several"}
    if tok.pos_ == "NUM":
        return not ANIMALS_AFTER.match(tok.doc[tok.i + 1 : tok.i + 4].text)  # ("Twenty of our cows")
    if low in _BARE_QUANTITIES and not any(c.dep_ == "prep" for c in tok.children):
        return True  # "the strikes killed dozens": a quantity alone counts people
    if low in w.not_people or base in w.not_people:
        return False
    if animals(tok):
        return False  # "1,000 head of cattle"
    if low in w.people or base in w.people or low in w.classes or low in w.body or base in w.body:
        return True  # a body found is a person killed
    if tok.pos_ == "NOUN" and named_after(tok):
        return True  # "a cartel figure named Camilo Sanchez", "an operator identified as El Chino"
    if tok.pos_ == "PROPN":
        entities(tok.doc)  # entity labels, only for the sentences that need them
    if tok.ent_type_ == "PERSON" or (tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS")):
        return True
    if tok.pos_ == "PROPN" and tok.is_upper and len(tok) > 3:
        return False  # "MAZAMITLA, JALISCO - ...": a dateline, not a victim
    if tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and (tok.head.head.lower_ in w.body) and tok.ent_type_ not in ("GPE", "LOC", "FAC"):
        return True  # "The body of Alejandro Arcos ... was found": whoever the tagger takes him for
    if tok.pos_ == "PROPN":
        bracketed = tok.i > 0 and tok.doc[tok.i - 1].text == "("
        # (not an acronym or a name after "the": "12 members of the YPG and the PKK" are 12)
        surname = tok.ent_type_ == "ORG" and single_token_entity(tok) and not tok.is_upper \
            and not any(c.dep_ == "det" for c in tok.children)
        if surname and not bracketed and low not in w.not_victims:
            return True  # "Vazquez was killed": the small model often takes a surname for an ORG
        return tok.ent_type_ not in _NOT_PERSON_ENTS
    if AGE.search(tok.text):
        return True  # "a 16-year-old"
    return tok.pos_ == "NOUN" and base.endswith(w.suffixes) and len(base) > 4


def _phrase_start(h: Token) -> int:
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lower_ in QUANTITY_NOUNS:
        h = h.head.head  # "Dozens of people": the phrase starts at the quantity
    left = [c for c in h.lefts if c.dep_ in _MODIFIER_DEPS]
    first = min([h, *[t for c in left for t in c.subtree]], key=lambda t: t.i)
    return first.idx


def _class(group: list[Token], w: _Words) -> str:
    classes = {w.classes.get(h.lower_) or w.classes.get(lemma(h)) for h in group}
    for h in group:
        at = h.idx - h.sent.start_char
        m = AGE.search(h.sent.text[max(0, at - 25) : at + len(h.text)])
        if m and int(m.group(1)) < 18:
            classes.add("children")
    if classes == {"children"}:
        return "children"
    if classes == {"combatants"}:
        return "combatants"
    return "children" if "children" in classes and len(group) == 1 else "people"
