"""Synthetic articles with claims of every shape reconciliation treats specially (a test helper).

Besides plain located claims: several reports of one incident (rising and disputed tolls, spelling
variants), claims naming only the city of a district strike, province-only claims, claims without a
place (with and without a country), periods longer than a week, undated claims with and without a
publication date, one article telling one incident for two days (`matching.echoes`), imprecise
dates, and reposts (near-duplicate articles, copies of copies).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from conflictwatch.models import Article, Claim, Range

START = date(2020, 3, 1)
KINDS = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"),
]
SOURCES = ["Observatory", "Civil Defence", "UN OCHA", None]


@dataclass
class Story:
    article: Article
    claims: list[Claim] = field(default_factory=list)


def _places(rng: random.Random, provinces: int) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for country, (lat0, lon0) in {"Syria": (35.0, 38.0), "Iraq": (33.0, 44.0)}.items():
        for a in range(provinces):
            admin1 = f"{country[:2]}prov{a}"
            lat, lon = lat0 + (a % 4) * 0.9, lon0 + (a // 4) * 0.9
            city = f"{admin1}city"
            out.append(dict(name=city, admin1=admin1, country=country, lat=lat, lon=lon, city=None))
            for d in range(3):
                out.append(dict(name=f"al-{admin1}dist{d}", admin1=admin1, country=country,
                                lat=lat + 0.01 * (d + 1), lon=lon - 0.012 * (d + 1), city=city))
            for v in range(4):
                out.append(dict(name=f"{admin1}vil{v}eh", admin1=admin1, country=country,
                                lat=lat + rng.uniform(-0.4, 0.4), lon=lon + rng.uniform(-0.4, 0.4), city=None))
    return out


def stories(n_incidents: int, seed: int, days: int = 20, provinces: int = 3) -> list[Story]:
    """Articles with their claims (ids set), in a shuffled order. The defaults make a dense world
    (48 places, 20 days), where blocks overlap a lot; more days and provinces, a sparser one."""
    rng = random.Random(seed)
    places = _places(rng, provinces)
    out: list[Story] = []
    n = 0

    def article(day: date | None, body: str) -> Story:
        nonlocal n
        n += 1
        aid = f"s{seed}-{n:05d}"
        return Story(Article(text=f"{body} ({aid})", title=aid, article_id=aid, published=day))

    for inc in range(n_incidents):
        place = rng.choice(places)
        day = START + timedelta(days=rng.randrange(days))
        etype, sub = rng.choice(KINDS)
        toll = rng.choice([0, 1, 2, 3, 5, 8, 12, 20])
        for k in range(rng.choice([1, 1, 2, 3])):
            pub = day + timedelta(days=rng.choice([0, 0, 1, 2]))
            st = article(None if rng.random() < 0.05 else pub, f"incident {inc} report {k}")
            c = Claim(article_id=st.article.article_id or "", quote=f"incident {inc} report {k}",
                      event_type=etype, sub_event_type=sub, date_start=day, date_end=day, time_precision=1,
                      location=str(place["name"]), admin1=str(place["admin1"]), country=str(place["country"]),
                      latitude=float(place["lat"]), longitude=float(place["lon"]),  # type: ignore[arg-type]
                      geo_precision=1, place_context=[str(place["city"])] if place["city"] else [],
                      killed=Range(toll + k, None if rng.random() < 0.3 else toll + k),
                      claimed_by=rng.choice(SOURCES), reported_by="Wire", sentence_index=0)
            r = rng.random()
            if r < 0.06:
                c.sub_event_type = c.event_type = None
            elif r < 0.12:
                c.time_precision = 2
            elif r < 0.18:  # undated: the publication day stands in (or nothing, when undated too)
                c.date_start = c.date_end = None
                c.time_precision = None
            elif r < 0.24:  # province only
                c.location, c.geo_precision, c.place_context = None, 3, []
                c.latitude = c.longitude = None
            elif r < 0.30 and place["city"]:  # a district strike reported at city level
                city = next(p for p in places if p["name"] == place["city"])
                c.location, c.place_context = str(city["name"]), []
                c.latitude, c.longitude = float(city["lat"]), float(city["lon"])  # type: ignore[arg-type]
            elif r < 0.38:  # no place at all; sometimes not even the country
                c.location, c.admin1, c.place_context = None, None, []
                c.latitude = c.longitude = c.geo_precision = None
                if rng.random() < 0.3:
                    c.country = None
            elif r < 0.42:  # a period longer than a week
                c.date_start, c.date_end, c.time_precision = day - timedelta(days=10), day, 3
                if rng.random() < 0.5:
                    c.location, c.latitude, c.longitude, c.geo_precision = None, None, None, 3
            elif r < 0.46 and c.killed.low >= 3 and c.sub_event_type:  # told for two days
                later = Claim(**{**c.__dict__, "claim_id": "", "sentence_index": 4,
                                 "quote": c.quote + " (again)",
                                 "date_start": day + timedelta(days=2), "date_end": day + timedelta(days=2)})
                st.claims.append(later)
            st.claims.append(c)
            if rng.random() < 0.3:  # a second incident in the same article, elsewhere
                other = rng.choice(places)
                st.claims.append(Claim(
                    article_id=c.article_id, quote=f"incident {inc} aside", event_type=etype,
                    sub_event_type=sub, date_start=day, date_end=day, time_precision=1,
                    location=str(other["name"]), admin1=str(other["admin1"]), country=str(other["country"]),
                    latitude=float(other["lat"]), longitude=float(other["lon"]),  # type: ignore[arg-type]
                    geo_precision=1, killed=Range(rng.randint(1, 6), None), sentence_index=7))
            if rng.random() < 0.2:  # an aggregate in passing: never grouped
                st.claims.append(Claim(article_id=c.article_id, quote="the toll this month", scope="aggregate",
                                       country=c.country, killed=Range(100 + inc, None), sentence_index=9))
            for cl in st.claims:
                cl.claim_id = cl.make_id()
            out.append(st)
            if rng.random() < 0.15:  # reposts: copies, sometimes of a copy
                src = st
                for _ in range(rng.choice([1, 2])):
                    cp = article(src.article.published, f"repost of {src.article.article_id}")
                    cp.article.duplicate_of = src.article.article_id
                    for cl in src.claims:
                        cp.claims.append(Claim(**{**cl.__dict__, "article_id": cp.article.article_id,
                                                  "claim_id": ""}))
                    for cl in cp.claims:
                        cl.claim_id = cl.make_id()
                    out.append(cp)
                    src = cp
    order = list(range(len(out)))
    rng.shuffle(order)
    # an original is always stored before its copies (ingest links a copy to a stored article)
    rank = {id(out[i]): k for k, i in enumerate(order)}
    by_id = {s.article.article_id: s for s in out}

    def depth(s: Story) -> int:
        d = 0
        while s.article.duplicate_of:
            s = by_id[s.article.duplicate_of]
            d += 1
        return d

    return sorted(out, key=lambda s: rank[id(s)] + len(out) * depth(s))


__all__ = ["Story", "stories"]
