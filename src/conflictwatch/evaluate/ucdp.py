"""Real news as the yardstick: claims scored against UCDP's codings of the same articles.

UCDP (the Uppsala Conflict Data Program) coded one event per article: a date window, deaths
low/high, a place and a country. The measures here are computed exactly as the reference
scorer `../shared/tools/score_ucdp.py` computes them (it is the tie-breaker; a test runs both
on the same claims), over claim *records*: the dicts `conflictwatch export claims` writes, in
its order (text order within an article), so an export file and a fresh run score alike.

Per article, over its claims with scope "incident" (in export order):

- detected: there is one;
- event right: one has `date_start` within [start_date - 1 day, end_date + 1 day] and
  `killed.low` within [deaths_low, deaths_high] (no figure counts as 0);
- event and place right: such a claim's location, admin1 or admin2 names UCDP's `where` or
  adm2 place (a shared name word, or words alike after transliteration; see `alike`);
- country right: such a claim's country shares a word with UCDP's country;
- lead event right: the first incident claim is event right on its own;
- totals taken as incidents: claims with killed.low >= 30 and > 5 * deaths_high + 10.

Beyond the reference, every article that misses a measure gets one kind of error (`KINDS`),
so what to fix shows as kinds of errors rather than single articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from conflictwatch.evaluate.ucdp_codings import Coding, day

# Generic place words that never decide a match ("Kware village" names Kware).
STOP = frozenset({
    "district", "governorate", "province", "town", "village", "city", "subdistrict", "sub", "al", "el",
    "the", "of", "region", "state", "county", "nahiya", "camp", "area", "countryside", "municipality",
    "township", "division", "department", "woreda", "zone", "lga",
})

# The reference's measures, in its order; shares of articles except the two counts at the end.
MEASURES: dict[str, str] = {
    "articles": "articles coded by UCDP",
    "detected": "articles with an incident claim",
    "event_right": "an incident claim with UCDP's date (+-1 day) and a toll in its range",
    "lead_event_right": "the article's first incident claim is that event",
    "event_and_place_right": "...and it names UCDP's place",
    "country_right": "...and its country is UCDP's",
    "totals_as_incident": "incident claims that are running totals or past events (count)",
    "incidents_per_article": "incident claims per article",
}
# Measures where smaller is better (thresholds read "at most").
LOWER_IS_BETTER = frozenset({"totals_as_incident", "incidents_per_article"})

# Kinds of error, in the order they are decided: an article gets the first that applies.
KINDS: dict[str, str] = {
    "no_claim": "no claim at all",
    "only_aggregates": "only aggregate claims, no incident claim",
    "toll_right_date_wrong": "toll right but date wrong",
    "date_right_toll_wrong": "date right but toll wrong",
    "date_and_toll_wrong": "neither date nor toll right",
    "place_wrong": "event right but place wrong",
    "country_wrong": "event and place right but country wrong",
    "lead_wrong": "event right, but not the article's first incident claim",
}


def _ascii(s: object) -> str:
    return unicodedata.normalize("NFKD", str(s or "")).encode("ascii", "ignore").decode().lower()


def words(s: object) -> set[str]:
    """A place name's distinctive words: ASCII-folded, lower case, 3+ letters, generic words dropped."""
    return {t for t in re.sub(r"[^a-z ]", " ", _ascii(s)).split() if len(t) > 2 and t not in STOP}


def squash(s: object) -> str:
    """A place name as one run of letters, without the generic words: 'Ywa Tha Gyi village' -> 'ywathagyi'."""
    return "".join(t for t in re.sub(r"[^a-z ]", " ", _ascii(s)).split() if t not in STOP)


def alike(gold_names: Iterable[object], claim_names: Iterable[object]) -> bool:
    """True when a claim's place names name UCDP's place, allowing transliteration variants.

    A shared word; or two words of 4+ letters with difflib ratio >= 0.8; or the whole names,
    squashed to letters, with ratio >= 0.85 ("Ywa Thar Gyi" vs "Ywathagyi").
    """
    gold_names, claim_names = list(gold_names), list(claim_names)
    a: set[str] = set().union(*(words(n) for n in gold_names))
    b: set[str] = set().union(*(words(n) for n in claim_names))
    if a & b:
        return True
    if any(SequenceMatcher(None, x, y).ratio() >= 0.8 for x in a for y in b if min(len(x), len(y)) >= 4):
        return True
    return any(
        SequenceMatcher(None, squash(x), squash(y)).ratio() >= 0.85
        for x in gold_names for y in claim_names if len(squash(x)) >= 4 and len(squash(y)) >= 4
    )


def figure_low(v: Any) -> Any:
    """`killed` as exported ({"low", "high"} or null) -> its low bound; a bare number is taken as is."""
    return v.get("low") if isinstance(v, dict) else v


# --------------------------------------------------------------------------------------------
# Scoring


@dataclass
class ArticleScore:
    """One coded article: its claims (export order) and what they got right."""

    coding: Coding
    claims: list[dict[str, Any]]  # every claim of the article, any scope
    incidents: list[dict[str, Any]] = field(default_factory=list)
    hits: list[dict[str, Any]] = field(default_factory=list)  # event right
    placed: list[dict[str, Any]] = field(default_factory=list)  # event and place right
    country_right: bool = False
    lead_right: bool = False
    totals: list[dict[str, Any]] = field(default_factory=list)

    def date_right(self, c: dict[str, Any]) -> bool:
        d = day(c.get("date_start"))
        first, last = self.coding.window
        return d is not None and first <= d <= last

    def toll_right(self, c: dict[str, Any]) -> bool:
        k = figure_low(c.get("killed"))
        lo, hi = self.coding.deaths_low, self.coding.deaths_high
        return lo == 0 if k is None else lo <= k <= hi

    def place_right(self, c: dict[str, Any]) -> bool:
        names = [c.get("location"), c.get("admin1"), c.get("admin2")]
        return alike([self.coding.where, self.coding.adm2], names)

    @property
    def kind(self) -> str | None:
        """The first kind of error (KINDS) this article shows; None when every measure is right."""
        if not self.claims:
            return "no_claim"
        if not self.incidents:
            return "only_aggregates"
        if not self.hits:
            if any(self.toll_right(c) for c in self.incidents):
                return "toll_right_date_wrong"
            if any(self.date_right(c) for c in self.incidents):
                return "date_right_toll_wrong"
            return "date_and_toll_wrong"
        if not self.placed:
            return "place_wrong"
        if not self.country_right:
            return "country_wrong"
        if not self.lead_right:
            return "lead_wrong"
        return None

    def expected(self) -> dict[str, Any]:
        """What UCDP coded, as shown next to what was found."""
        g = self.coding
        first, last = g.window
        return {
            "dates": [g.start_date.isoformat(), g.end_date.isoformat()],
            "window": [first.isoformat(), last.isoformat()],
            "deaths": [g.deaths_low, g.deaths_high],
            "where": g.where, "adm2": g.adm2, "adm1": g.adm1, "country": g.country,
            "sides": [g.side_a, g.side_b],
        }

    def found(self) -> list[dict[str, Any]]:
        """The article's claims (export order) with what each got right; incidents first."""
        out = []
        for c in sorted(self.claims, key=lambda c: c.get("scope") != "incident"):
            inc = c.get("scope") == "incident"
            out.append({
                "scope": c.get("scope"), "killed": c.get("killed"), "date_start": c.get("date_start"),
                "date_basis": c.get("date_basis"), "location": c.get("location"), "admin2": c.get("admin2"),
                "admin1": c.get("admin1"), "country": c.get("country"), "claim_id": c.get("claim_id"),
                "quote": c.get("quote"),
                "date_right": inc and self.date_right(c), "toll_right": inc and self.toll_right(c),
                "place_right": inc and self.place_right(c),
                "country_right": inc and bool(words(c.get("country")) & words(self.coding.country)),
            })
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.coding.article_id, "kind": self.kind, "line": self.coding.line,
            "expected": self.expected(), "found": self.found(),
        }


def score_article(coding: Coding, claims: Sequence[dict[str, Any]]) -> ArticleScore:
    """Score one coded article on its claims (in export order), by the reference's rules."""
    s = ArticleScore(coding=coding, claims=list(claims))
    s.incidents = [c for c in claims if c.get("scope") == "incident"]
    s.hits = [c for c in s.incidents if s.date_right(c) and s.toll_right(c)]
    s.placed = [c for c in s.hits if s.place_right(c)]
    country = words(coding.country)
    s.country_right = any(words(c.get("country")) & country for c in s.hits)
    s.lead_right = bool(s.incidents) and s.date_right(s.incidents[0]) and s.toll_right(s.incidents[0])
    hi = coding.deaths_high
    s.totals = [
        c for c in s.incidents
        if (figure_low(c.get("killed")) or 0) >= 30 and figure_low(c.get("killed")) > 5 * hi + 10
    ]
    return s


@dataclass
class UcdpScore:
    """Every coded article's score; `measures()` gives the reference scorer's numbers."""

    articles: list[ArticleScore]
    claims_without_coding: int = 0  # claims of articles UCDP did not code (ignored, as the reference does)

    def counts(self) -> dict[str, int]:
        a = self.articles
        return {
            "articles": len(a),
            "detected": sum(bool(x.incidents) for x in a),
            "event_right": sum(bool(x.hits) for x in a),
            "lead_event_right": sum(x.lead_right for x in a),
            "event_and_place_right": sum(bool(x.placed) for x in a),
            "country_right": sum(x.country_right for x in a),
            "totals_as_incident": sum(len(x.totals) for x in a),
            "incidents": sum(len(x.incidents) for x in a),
        }

    def measures(self) -> dict[str, Any]:
        """The reference's `--json` object: shares rounded to 3 places, incidents per article to 2."""
        c = self.counts()
        n = c["articles"]
        out: dict[str, Any] = {"articles": n}
        for k in ("detected", "event_right", "lead_event_right", "event_and_place_right", "country_right"):
            out[k] = round(c[k] / n, 3) if n else None
        out["totals_as_incident"] = c["totals_as_incident"]
        out["incidents_per_article"] = round(c["incidents"] / n, 2) if n else None
        return out

    def by_kind(self) -> dict[str, list[ArticleScore]]:
        """Articles that miss a measure, grouped by kind of error (KINDS order, empty kinds left out)."""
        out: dict[str, list[ArticleScore]] = {k: [] for k in KINDS}
        for a in self.articles:
            if a.kind is not None:
                out[a.kind].append(a)
        return {k: v for k, v in out.items() if v}

    def to_dict(self) -> dict[str, Any]:
        """The `evaluate --ucdp --format json` object: `measures` is the reference's `--json` output."""
        return {
            "measures": self.measures(),
            "counts": self.counts(),
            "claims_without_coding": self.claims_without_coding,
            "errors": {
                k: {"label": KINDS[k], "count": len(v), "articles": [a.to_dict() for a in v]}
                for k, v in self.by_kind().items()
            },
        }


def group_claims(claims: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """article_id -> its claims, keeping the order they come in (export order)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        out.setdefault(str(c.get("article_id")), []).append(c)
    return out


def score(codings: Sequence[Coding], claims: Iterable[dict[str, Any]]) -> UcdpScore:
    """Score claim records (as exported, in export order) against UCDP codings."""
    by_article = group_claims(claims)
    coded = {c.article_id for c in codings}
    extra = sum(len(v) for k, v in by_article.items() if k not in coded)
    return UcdpScore([score_article(g, by_article.get(g.article_id, [])) for g in codings], extra)


# --------------------------------------------------------------------------------------------
# Thresholds for scripts and CI


_REQ = re.compile(r"^\s*([a-z_]+)\s*(>=|<=)\s*([0-9]*\.?[0-9]+)\s*$")


@dataclass(frozen=True)
class Requirement:
    """`event_right>=0.8` or `totals_as_incident<=0`: a bound one measure must keep."""

    measure: str
    op: str
    value: float

    @classmethod
    def parse(cls, text: str) -> Requirement:
        m = _REQ.match(text)
        if not m:
            raise ValueError(f"{text!r} is not MEASURE>=VALUE or MEASURE<=VALUE (e.g. event_right>=0.8)")
        name, op, value = m.group(1), m.group(2), float(m.group(3))
        if name not in MEASURES or name == "articles":
            known = ", ".join(k for k in MEASURES if k != "articles")
            raise ValueError(f"unknown measure {name!r} (one of {known})")
        return cls(name, op, value)

    def holds(self, measures: dict[str, Any]) -> bool:
        v = measures.get(self.measure)
        if v is None:
            return False
        return v >= self.value if self.op == ">=" else v <= self.value

    def __str__(self) -> str:
        return f"{self.measure}{self.op}{self.value:g}"


def failed(requirements: Sequence[Requirement], measures: dict[str, Any]) -> list[Requirement]:
    """The requirements the measures break."""
    return [r for r in requirements if not r.holds(measures)]
