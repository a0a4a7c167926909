"""Benchmark reconcile(): 100k synthetic claims (fixed seed), time, peak memory and grouping quality.

Run: .venv/bin/python bench/bench_reconcile.py [--claims 100000] [--seed 7] [--no-trace]

The synthetic world has 3 countries x 12 provinces, each with a city (10 districts) and 40
villages; incidents are reported by 1-5 claims with realistic noise: spelling variants, city-level
claims about a district strike, missing types, imprecise or missing dates, province-only claims,
rising tolls, and 5% aggregate claims. Because the true incident of every claim is known, the
script also prints pairwise precision/recall of the grouping (how often claims put together
belong together, and how often claims that belong together were put together).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter
from datetime import date, timedelta

from conflictwatch.models import Claim, Range
from conflictwatch.reconcile import reconcile

COUNTRIES = {"Syria": (35.0, 38.0), "Iraq": (33.0, 44.0), "Yemen": (15.5, 45.0)}
SUBS = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
]
SOURCES = ["Syrian Observatory for Human Rights", "Syrian Civil Defence", "UN OCHA", "local medics", None]
START = date(2016, 1, 1)


def _world(rng: random.Random) -> list[dict[str, object]]:
    """Places: (name, admin1, country, lat, lon, city it belongs to or None)."""
    places: list[dict[str, object]] = []
    for country, (clat, clon) in COUNTRIES.items():
        for a in range(12):
            admin1 = f"{country[:3]}prov{a}"
            alat, alon = clat + rng.uniform(-2, 2), clon + rng.uniform(-2, 2)
            city = f"{admin1}city"
            places.append(dict(name=city, admin1=admin1, country=country, lat=alat, lon=alon, city=None))
            for d in range(10):
                places.append(dict(name=f"al-{admin1}dist{d}", admin1=admin1, country=country,
                                   lat=alat + rng.uniform(-0.05, 0.05), lon=alon + rng.uniform(-0.05, 0.05),
                                   city=city))
            for v in range(40):
                places.append(dict(name=f"{admin1}vil{v}eh", admin1=admin1, country=country,
                                   lat=alat + rng.uniform(-0.8, 0.8), lon=alon + rng.uniform(-0.8, 0.8),
                                   city=None))
    return places


def _variant(name: str, rng: random.Random) -> str:
    """A transliteration variant the normaliser should fold back."""
    r = rng.random()
    if r < 0.15 and name.startswith("al-"):
        return "Al " + name[3:]
    if r < 0.3 and name.endswith("eh"):
        return name[:-2] + "a"
    return name


def generate(n_claims: int, seed: int) -> tuple[list[Claim], dict[str, date | None], dict[str, int]]:
    """Synthetic claims, publication dates, and the true incident of each claim."""
    rng = random.Random(seed)
    places = _world(rng)
    claims: list[Claim] = []
    published: dict[str, date | None] = {}
    truth: dict[str, int] = {}
    inc = 0
    art = 0
    while len(claims) < n_claims:
        inc += 1
        place = rng.choice(places)
        day = START + timedelta(days=rng.randrange(730))
        etype, sub = rng.choice(SUBS)
        toll = rng.randint(0, 40)
        for k in range(rng.choice([1, 1, 2, 2, 3, 3, 4, 5])):
            art += 1
            aid = f"a{art:07d}"
            published[aid] = day + timedelta(days=rng.choice([0, 0, 1, 1, 2]))
            r = rng.random()
            c = Claim(
                article_id=aid, quote=f"incident {inc} report {k}", event_type=etype, sub_event_type=sub,
                date_start=day, date_end=day, time_precision=1,
                location=_variant(str(place["name"]), rng), admin1=str(place["admin1"]),
                country=str(place["country"]), latitude=float(place["lat"]),  # type: ignore[arg-type]
                longitude=float(place["lon"]), geo_precision=1,  # type: ignore[arg-type]
                place_context=[str(place["city"])] if place["city"] else [],
                killed=Range(max(0, toll + rng.randint(-3, 3) + 2 * k), None if rng.random() < 0.2 else None),
                claimed_by=rng.choice(SOURCES), reported_by="Reuters", sentence_index=k,
            )
            if r < 0.05:  # type unknown
                c.sub_event_type = c.event_type = None
            elif r < 0.10:  # imprecise date
                c.time_precision = 2
            elif r < 0.14:  # undated: publication day stands in
                c.date_start = c.date_end = None
                c.time_precision = None
            elif r < 0.17:  # province only
                c.location, c.geo_precision, c.place_context = None, 3, []
            elif r < 0.22 and place["city"]:  # a district strike reported at city level
                city = next(p for p in places if p["name"] == place["city"])
                c.location, c.place_context = str(city["name"]), []
                c.latitude, c.longitude = float(city["lat"]), float(city["lon"])  # type: ignore[arg-type]
            c.claim_id = c.make_id()
            claims.append(c)
            truth[c.claim_id] = inc
        if rng.random() < 0.05:  # an aggregate in the same stream
            art += 1
            aid = f"a{art:07d}"
            published[aid] = day
            c = Claim(article_id=aid, quote=f"aggregate {inc}", scope="aggregate",
                      country=str(place["country"]), killed=Range(rng.randint(100, 900), None))
            claims.append(c)
    rng.shuffle(claims)
    return claims[:n_claims], published, truth


def pair_scores(events_claims: list[list[str]], truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the grouping against the true incidents."""

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    pred = sum(pairs(len(ids)) for ids in events_claims)
    gold = sum(pairs(n) for n in Counter(truth[c] for ids in events_claims for c in ids).values())
    both = sum(
        pairs(n) for ids in events_claims for n in Counter(truth[c] for c in ids).values()
    )
    return (both / pred if pred else 1.0), (both / gold if gold else 1.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-trace", action="store_true", help="skip the (slower) tracemalloc run")
    args = ap.parse_args(argv)

    claims, published, truth = generate(args.claims, args.seed)
    n_inc = sum(c.scope == "incident" for c in claims)
    n_true = len({truth[c.claim_id] for c in claims if c.claim_id in truth})
    print(f"{len(claims)} claims ({n_inc} incident, {n_true} true incidents), seed {args.seed}")

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    events = reconcile(claims, published=published)
    dt = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"reconcile: {dt:.2f} s, {len(claims) / dt:,.0f} claims/s, {len(events)} events "
          f"({sum(e.disputed for e in events)} disputed)")
    print(f"process peak RSS: {rss1 / 1024:.0f} MiB (before reconcile {rss0 / 1024:.0f} MiB)")

    # determinism: same claims in another order give the same ids
    again = reconcile(list(reversed(claims)), published=published)
    same = [e.event_id for e in events] == [e.event_id for e in again]
    p, r = pair_scores([e.claim_ids for e in events], truth)
    print(f"grouping vs truth: pairwise precision {p:.3f}, recall {r:.3f}; order-independent ids: {same}")

    if not args.no_trace:
        tracemalloc.start()
        reconcile(claims, published=published)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"tracemalloc peak during reconcile: {peak / 2**20:.0f} MiB")
    return 0 if dt < 60 and same else 1


if __name__ == "__main__":
    sys.exit(main())
