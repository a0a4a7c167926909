"""ACLED event types from the words of a sentence (rules in data/event_types.yaml)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from conflictwatch.extract.quickre import start_words
from conflictwatch.extract.quotes import straight_quotes
from conflictwatch.extract.rules import EventRule, event_rules

if TYPE_CHECKING:
    from conflictwatch.extract.draft import Draft

NAMED_TARGET_TYPES = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Abduction/forced disappearance",
}


def event_type_of(sentence: str, has_killed: bool, actor_side: str | None) -> tuple[str, str] | None:
    rule = event_rule(sentence, has_killed, actor_side)
    return (rule.event_type, rule.sub_event_type) if rule else None


@lru_cache(maxsize=4096)  # asked several times per sentence (pre-check, type, weak hint, clauses)
def event_rule(sentence: str, has_killed: bool, actor_side: str | None) -> EventRule | None:
    """The first rule (data/event_types.yaml order) that fits; captures first when nobody died."""
    rules, _ = event_rules()
    territory = [r for r in rules if r.actor_side]
    lower = sentence.lower()  # a rule whose words are all missing is not searched
    words = start_words(sentence)
    if not has_killed:
        for r in territory:
            if r.may_occur(lower, words) and r.regex.search(sentence):
                state = actor_side in (None, "state")
                want = "state" if state else "nonstate"
                if r.actor_side == want:
                    return r
    for r in rules:
        if r.actor_side:
            continue
        if r.may_occur(lower, words) and r.regex.search(sentence):
            return r
    return None


def weak_event(sentence: str) -> bool:
    rule = event_rule(straight_quotes(sentence), False, None)
    return rule is not None and rule.weak


def victim_adjusted(event: tuple[str, str] | None, d: Draft) -> tuple[str, str] | None:
    """Who died decides between a clash and an attack on civilians: soldiers killed in an
    assault are a battle; villagers killed with no fight named are violence against civilians."""
    main = [c for c in d.casualties if c.kind == "killed" and not c.subset]
    if not main or event is None:
        return event
    if event == ("Strategic developments", "Looting/property destruction"):
        return by_victims(d)  # "set fire to the houses, killing three": the killing is the event
    victims = {c.victim for c in main}
    if event == ("Violence against civilians", "Attack") and victims <= {"combatants"}:
        return ("Battles", "Armed clash")
    civilian_words = ("civilians", "civilian", "villagers", "worshippers", "children")
    weak_clash = event == ("Battles", "Armed clash") and weak_event(d.sentence.text)
    if weak_clash and victims <= {"people", "children"}:
        if any(c.victim_word in civilian_words for c in main):
            return ("Violence against civilians", "Attack")
    return event


def by_victims(d: Draft) -> tuple[str, str] | None:
    """An incident with a toll but no word for how it happened is still coded, as ACLED codes
    every event: combatants killed or hurt are an armed clash; anyone else an attack on civilians
    ("the Taliban have killed two men", "the bodies of five men were found")."""
    main = [c for c in d.casualties if not c.subset]
    if not main:
        return None
    if all(c.victim == "combatants" for c in main):
        return ("Battles", "Armed clash")
    return ("Violence against civilians", "Attack")
