"""Synthetic wire articles for benchmarks: ~650 words each, deterministic, streamed to JSON Lines.

Every sentence template here is our own writing. Article `i` depends only on (seed, i), so any
article can be regenerated alone and a corpus of any size is written without holding it in memory.
Variety that matters to the pipeline: 10 countries with real towns and provinces (so geocoding
does real work), their own monitors, officials and armed groups, incidents of several kinds with
singular and plural victims, figures as words and digits, bounds ("at least", "up to"), a second
source with another toll, a second incident, aggregate totals ("since January"), quotes, and
background paragraphs (talks, aid, displacement, economy, weather) built sentence by sentence so
that two articles rarely share more than a few sentences. About 2% are aggregator reposts of an
earlier article (new headline, byline and footer): the near-duplicate index has real work too.

    python bench/synth.py 1000 > synth-1k.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

import yaml

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEMPLATES = yaml.safe_load((Path(__file__).with_name("synth_templates.yaml")).read_text("utf-8"))
AGENCIES: list[str] = TEMPLATES["agencies"]
OUTLETS: list[str] = TEMPLATES["outlets"]
KINDS: dict[str, list[str]] = TEMPLATES["kinds"]  # lede templates per kind of incident
HEADLINES: dict[str, list[str]] = TEMPLATES["headlines"]
SINGULAR: list[str] = TEMPLATES["singular"]
PLURAL: list[str] = TEMPLATES["plural"]
# Background sentences come from families whose slots multiply into thousands of variants, so two
# articles share few 3-word runs (what the near-duplicate index compares).
FAMILIES: list[dict[str, Any]] = TEMPLATES["families"]
QUOTES: list[str] = TEMPLATES["quotes"]
NAMES: list[str] = TEMPLATES["names"]
AGGREGATES: list[str] = TEMPLATES["aggregates"]
FOOTERS: list[str] = TEMPLATES["footers"]


@dataclass(frozen=True)
class Country:
    name: str
    adjective: str
    capital: str
    towns: list[list[str]]  # [town, province]
    monitors: list[str]  # who counts the dead
    officials: list[str]  # who else speaks
    attackers: list[str]  # who strikes
    victims_extra: list[str]  # local kinds of victims (plural nouns)
    kinds: list[str]  # keys of KINDS that happen here


COUNTRIES = [Country(**c) for c in TEMPLATES["countries"]]


def _victims(rng: random.Random, c: Country) -> tuple[str, str, int, bool]:
    """(phrase, headline phrase, lower bound, plural) for the dead of one incident."""
    if rng.random() < 0.22:
        v = rng.choice(SINGULAR)
        return v, "one" if v == "one person" else v.split(" ", 1)[1] if v.startswith("a ") else v, 1, False
    k = rng.choice([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 16, 19, 23, 27, 31, 40, 55])
    noun = rng.choice(PLURAL + c.victims_extra)
    num = NUMBER_WORDS[k] if k < 10 and rng.random() < 0.7 else str(k)
    bound = rng.random()
    if bound < 0.3:
        phrase = f"at least {num} {noun}"
    elif bound < 0.38:
        phrase = f"between {k} and {k + rng.choice([2, 3, 5])} {noun}"
    else:
        phrase = f"{num} {noun}"
    return phrase, f"{k}", k, True


def _day(rng: random.Random, published: date) -> str:
    back = rng.choice([0, 1, 1, 2, 3])
    d = published - timedelta(days=back)
    if back == 0:
        return rng.choice(["on " + WEEKDAYS[d.weekday()], "earlier on " + WEEKDAYS[d.weekday()], "today"])
    if rng.random() < 0.25:
        return f"on {MONTHS[d.month - 1]} {d.day}"
    return rng.choice(["on ", "late on ", "early on "]) + WEEKDAYS[d.weekday()]


def _background(rng: random.Random, fill: dict[str, str]) -> str:
    """One background sentence: a family with every slot drawn at random, then the article's values."""
    family = rng.choice(FAMILIES)
    template, slots = family["template"], family["slots"]
    kw = {k: rng.choice(v) for k, v in slots.items()}
    text = template.format_map(_Keep(kw)).replace(" ,", ",").replace("  ", " ").replace(" .", ".")
    return _fill(
        text,
        **{
            **fill,
            "month": rng.choice(MONTHS),
            "weekday2": rng.choice(WEEKDAYS),
            "big": f"{rng.randrange(20, 900)},000",
            "big2": f"{rng.randrange(10, 400)},000",
            "money": str(rng.randrange(80, 2500)),
        },
    )


class _Keep(dict[str, str]):
    """format_map mapping that leaves unknown {names} for the second pass."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(t: str, **kw: str) -> str:
    out = t.format(**kw)
    return out[0].upper() + out[1:]


def _incident(
    rng: random.Random, c: Country, published: date, kind: str, place: str, prov: str, src: str
) -> tuple[str, str, int]:
    n, head_n, k, plural = _victims(rng, c)
    who = rng.choice(c.attackers)
    other = rng.choice([a for a in c.attackers if a != who] or [who])
    w = str(rng.choice([3, 5, 8, 10, 17, 20, 35]))
    t = rng.choice(KINDS[kind])
    sentence = _fill(
        t,
        who=who,
        Who=who[0].upper() + who[1:],
        other=other,
        n=n,
        n_cap=n[0].upper() + n[1:],
        were="were" if plural else "was",
        place=place,
        prov=prov,
        day=_day(rng, published),
        src=src,
        w=w,
    )
    return sentence, head_n, k


def article(i: int, seed: int = 11) -> dict[str, Any]:
    """The i-th synthetic article (a dict in the JSON Lines input format)."""
    rng = random.Random(seed * 1_000_003 + i)
    if i > 50 and rng.random() < 0.02:
        return _repost(rng, i, seed)
    c = rng.choice(COUNTRIES)
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(9 * 365))
    place, prov = rng.choice(c.towns)
    kind = rng.choice(c.kinds)
    src = rng.choice(c.monitors)
    lede, k_head, k = _incident(rng, c, published, kind, place, prov, src)
    agency = rng.choice(AGENCIES)
    paras = [f"{c.capital.upper()} ({agency}) - {lede}"]
    other_src = rng.choice([s for s in c.monitors + c.officials if s != src])
    if rng.random() < 0.45:
        k2 = k + rng.choice([1, 2, 3, 5]) if k > 1 else 2
        paras.append(
            f"{other_src[0].upper() + other_src[1:]} put the death toll at {k2}, saying "
            f"{rng.choice(['several', 'many', 'dozens of'])} people were wounded, some of them critically."
        )
    else:
        paras.append(
            f"{other_src[0].upper() + other_src[1:]} said the wounded had been taken to hospitals in "
            f"{rng.choice([t for t, _ in c.towns])} and {c.capital}."
        )
    fill = dict(
        adj=c.adjective,
        prov=prov,
        place=place,
        capital=c.capital,
        month=rng.choice(MONTHS),
        weekday2=rng.choice(WEEKDAYS),
        big=f"{rng.randrange(20, 900)},000",
        big2=f"{rng.randrange(10, 400)},000",
        money=str(rng.randrange(80, 2500)),
        name=rng.choice(NAMES),
        official=rng.choice(c.officials),
        src=src,
        Src=src[0].upper() + src[1:],
        agg=str(rng.randrange(60, 4000)),
    )
    paras.append(_fill(rng.choice(QUOTES), **fill))
    if rng.random() < 0.5:
        place2, prov2 = rng.choice(c.towns)
        second, _, _ = _incident(
            rng, c, published, rng.choice(c.kinds), place2, prov2, rng.choice(c.monitors + c.officials)
        )
        paras.append(f"In a separate incident, {second[0].lower() + second[1:]}")
    if rng.random() < 0.45:
        paras.insert(rng.randrange(2, len(paras) + 1), _fill(rng.choice(AGGREGATES), **fill))
    if rng.random() < 0.35:  # an earlier incident, told as background
        place3, _ = rng.choice(c.towns)
        n3, _, _, plural3 = _victims(rng, c)
        past = rng.choice(
            [
                "an air strike on a hospital in {p}",
                "a bombing at a bus station in {p}",
                "an attack on a wedding party near {p}",
                "shelling of the main square in {p}",
            ]
        )
        paras.append(
            f"Last {rng.choice(MONTHS)}, {past.format(p=place3)} killed {n3}, "
            f"{rng.choice(c.monitors)} said at the time."
        )
    words = sum(len(p.split()) for p in paras)
    while words < 640:
        para = " ".join(_background(rng, fill) for _ in range(rng.choice([3, 4, 4, 5])))
        paras.insert(rng.randrange(3, len(paras) + 1), para)
        words += len(para.split())
    title = rng.choice(HEADLINES[kind]).format(k=k_head, k_cap=k_head[0].upper() + k_head[1:], place=place)
    return {
        "id": f"synth-{seed}-{i:07d}",
        "published": published.isoformat(),
        "title": title,
        "source": agency,
        "text": "\n\n".join(paras),
    }


def _repost(rng: random.Random, i: int, seed: int) -> dict[str, Any]:
    """An aggregator's copy of an earlier article: new headline, byline, footer, maybe a paragraph less."""
    j = rng.randrange(max(0, i - 5000), i)
    orig = article(j, seed)
    while orig["id"].count("-copy"):
        orig = article(rng.randrange(0, j + 1), seed)
    outlet = rng.choice(OUTLETS)
    paras = orig["text"].split("\n\n")
    if rng.random() < 0.5 and len(paras) > 4:
        del paras[-2]
    text = (
        f"By staff writer | {outlet}\n\n"
        + "\n\n".join(paras)
        + "\n\n"
        + rng.choice(FOOTERS).format(outlet=outlet)
    )
    pub = date.fromisoformat(orig["published"]) + timedelta(days=rng.choice([0, 1]))
    return {
        "id": f"{orig['id']}-copy{i}",
        "published": pub.isoformat(),
        "title": f"{orig['title']} - {outlet}",
        "source": outlet,
        "text": text,
    }


def articles(n: int, seed: int = 11, start: int = 0) -> Iterator[dict[str, Any]]:
    for i in range(start, start + n):
        yield article(i, seed)


def write_jsonl(n: int, out: TextIO, seed: int = 11) -> None:
    for a in articles(n, seed):
        out.write(json.dumps(a, ensure_ascii=False) + "\n")


def corpus(n: int, folder: Path, seed: int = 11) -> Path:
    """A cached JSON Lines corpus of n articles in `folder` (written once, streamed)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synth-{seed}-{n}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            write_jsonl(n, fh, seed)
        tmp.rename(path)
    return path


if __name__ == "__main__":
    write_jsonl(
        int(sys.argv[1]) if len(sys.argv) > 1 else 100,
        sys.stdout,
        int(sys.argv[2]) if len(sys.argv) > 2 else 11,
    )
