"""The REST API through FastAPI's TestClient, on the demo database built by the real pipeline.

Expected values are computed independently from the unfiltered listing (or the exports), so the
tests check the filters, paging and sorting rather than today's extractor output."""

from __future__ import annotations

import csv
import io
import json
import warnings
from datetime import date
from typing import Any

import pytest

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what its TestClient runs on
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from conflictwatch.api import ApiConfig, create_app
from conflictwatch.export.events import COLUMNS, FORMATS
from conflictwatch.store import open_store

TOKEN = "t0ken-for-tests"


def client(db: str, **kw: Any) -> TestClient:
    return TestClient(create_app(ApiConfig(db=db, **kw)))


@pytest.fixture
def api(demo_db: str) -> TestClient:
    return client(demo_db, token=TOKEN)


def all_events(api: TestClient, **params: Any) -> list[dict[str, Any]]:
    """Every event, fetched page by page (exercises paging too)."""
    out: list[dict[str, Any]] = []
    offset = 0
    while True:
        r = api.get("/api/events", params={**params, "offset": offset, "limit": 7})
        assert r.status_code == 200, r.text
        page = r.json()
        out += page["items"]
        offset += 7
        if offset >= page["total"]:
            assert len(out) == page["total"]
            return out


def test_paging_returns_every_event_once(api: TestClient) -> None:
    evs = all_events(api)
    ids = [e["event_id"] for e in evs]
    assert len(ids) > 10 and len(set(ids)) == len(ids)
    first = api.get("/api/events", params={"limit": 5}).json()
    assert first["total"] == len(ids) and len(first["items"]) == 5 and first["limit"] == 5
    last = api.get("/api/events", params={"offset": len(ids) - 2, "limit": 5}).json()
    assert len(last["items"]) == 2
    assert api.get("/api/events", params={"offset": 10_000}).json()["items"] == []


@pytest.mark.parametrize("sort,key", [("-fatalities", "fatalities"), ("fatalities", "fatalities"),
                                      ("date", "event_date"), ("-date", "event_date"),
                                      ("location", "location"), ("n_claims", "n_claims")])
def test_sorting_orders_and_puts_missing_values_last(api: TestClient, sort: str, key: str) -> None:
    evs = all_events(api, sort=sort)
    values = [e[key] for e in evs]
    present = [v for v in values if v is not None]
    assert values[: len(present)] == present, "missing values must come last"
    assert present == sorted(present, reverse=sort.startswith("-"))
    assert len(set(present)) > 1  # the check above could not fail on a constant column


def test_filters_match_independent_selection(api: TestClient) -> None:
    evs = all_events(api)
    cases: list[tuple[dict[str, Any], Any]] = [
        ({"type": "Battles"}, lambda e: e["event_type"] == "Battles"),
        ({"type": "air/drone strike"}, lambda e: e["sub_event_type"] == "Air/drone strike"),
        ({"type": ["Battles", "Strategic developments"]},
         lambda e: e["event_type"] in ("Battles", "Strategic developments")),
        ({"country": "iraq"}, lambda e: e["country"] == "Iraq"),
        ({"admin1": "ninaw"}, lambda e: "ninaw" in (e["admin1"] or "").lower()),
        ({"actor": "islamic state"}, lambda e: any("islamic state" in (a or "").lower()
                                                   for a in (e["actor1"], e["actor2"]))),
        ({"claimed_by": "Observatory"}, lambda e: any("Observatory" in s for s in e["sources"])),
        ({"min_fatalities": 20}, lambda e: (e["fatalities"] or 0) >= 20),
        ({"since": "2016-10-12", "until": "2016-10-15"},
         lambda e: e["event_date"] and "2016-10-12" <= e["event_date"] <= "2016-10-15"),
        ({"bbox": "42,12,46,17"}, lambda e: e["latitude"] is not None and 12 <= e["latitude"] <= 17
         and 42 <= e["longitude"] <= 46),
    ]
    # text search: a place name the demo's events carry (whatever the extractor chose)
    word = next(e["location"] for e in evs if e["location"]).split()[-1].lower()
    cases.append(({"q": word}, lambda e: word in json.dumps(e, ensure_ascii=False).lower()))
    for params, pred in cases:
        want = {e["event_id"] for e in evs if pred(e)}
        got = {e["event_id"] for e in all_events(api, **params)}
        assert want, f"{params}: the demo data should have such events"
        assert got == want, params
        assert len(want) < len(evs), f"{params} should leave some events out"


def test_points_are_the_located_matching_events(api: TestClient) -> None:
    evs = all_events(api, type="Explosions/Remote violence")
    pts = api.get("/api/events/points", params={"type": "Explosions/Remote violence"}).json()
    located = {e["event_id"] for e in evs if e["latitude"] is not None}
    assert {r[0] for r in pts["rows"]} == located
    assert pts["matching"] == len(evs)
    assert pts["fields"][:4] == ["event_id", "latitude", "longitude", "fatalities"]


def test_event_detail_has_every_claim_with_quote_and_source(api: TestClient) -> None:
    market = [e for e in all_events(api, type="Air/drone strike") if e["event_date"] == "2016-10-11"]
    assert len(market) == 1
    ev = api.get(f"/api/events/{market[0]['event_id']}").json()
    assert ev["disputed"] is True and ev["n_claims"] == len(ev["claims"]) >= 2
    killed = {(c["claimed_by"], c["killed"]["low"]) for c in ev["claims"] if c["killed"]}
    assert {("Syrian Civil Defence", 21), ("Syrian Observatory for Human Rights", 15)} <= killed
    for c in ev["claims"]:
        assert c["quote"] and c["event_id"] == ev["event_id"] and c["published"]


def test_article_claims_are_located_in_the_text(api: TestClient) -> None:
    arts = api.get("/api/articles", params={"has_claims": True, "limit": 100}).json()["items"]
    assert arts
    n = 0
    for a in arts:
        full = api.get(f"/api/articles/{a['article_id']}").json()
        assert len(full["claims"]) == a["n_claims"] > 0
        for c in full["claims"]:
            assert c["located"] == "text", c["quote"]
            joined = " ".join(full["text"][s:e] for s, e in c["spans"])
            # every word of the quote is in the located text, in order
            assert joined.split() == c["quote"].split()[: len(joined.split())]
            assert (c["start"], c["end"]) == (c["spans"][0][0], c["spans"][-1][1])
            n += 1
    assert n >= 20


def test_stored_quote_offsets_win_over_search(api: TestClient, demo_db: str) -> None:
    from sqlalchemy import update

    from conflictwatch.store import schema as s

    art = api.get("/api/articles/demo-j1").json()
    c = art["claims"][0]
    store = open_store(demo_db)
    with store.engine.begin() as conn:  # offsets as a newer extractor will store them
        conn.execute(update(s.claims).where(s.claims.c.claim_id == c["claim_id"])
                     .values(quote_start=3, quote_end=20))
    again = api.get("/api/articles/demo-j1").json()["claims"][0]
    assert again["spans"] == [[3, 20]]
    with store.engine.begin() as conn:  # offsets outside the text: fall back to searching
        conn.execute(update(s.claims).where(s.claims.c.claim_id == c["claim_id"])
                     .values(quote_start=5, quote_end=10**6))
    assert api.get("/api/articles/demo-j1").json()["claims"][0]["spans"] == c["spans"]


def test_counts_add_up_to_the_totals(api: TestClient) -> None:
    evs = all_events(api)
    dated_dead = sum(e["fatalities"] or 0 for e in evs if e["event_date"])
    for interval in ("day", "week"):
        rows = api.get("/api/counts", params={"interval": interval}).json()
        assert sum(r["fatalities"] for r in rows) == dated_dead
        assert sum(r["events"] for r in rows) == sum(1 for e in evs if e["event_date"])
    weeks = api.get("/api/counts", params={"interval": "week"}).json()
    assert all(date.fromisoformat(r["period"]).weekday() == 0 for r in weeks)
    days = api.get("/api/counts", params={"type": "Battles"}).json()
    assert {r["event_type"] for r in days} == {"Battles"}
    types = api.get("/api/counts/types").json()
    assert sum(t["events"] for t in types) == len(evs)
    summary = api.get("/api/summary").json()["totals"]
    assert summary["events"] == len(evs) and summary["disputed"] == sum(e["disputed"] for e in evs)


def test_aggregates_and_articles_without_claims(api: TestClient) -> None:
    aggs = api.get("/api/claims", params={"scope": "aggregate"}).json()
    assert aggs["total"] >= 2
    assert all(c["scope"] == "aggregate" and c["event_id"] is None for c in aggs["items"])
    # a total "since Sept. 22" reported in October counts for an October filter (its period overlaps)
    october = api.get("/api/claims", params={"scope": "aggregate", "since": "2016-10-01"}).json()["items"]
    assert any(c["date_start"] < "2016-10-01" for c in october)
    late = api.get("/api/claims", params={"scope": "aggregate", "since": "2016-10-17"}).json()["items"]
    assert late and all(c["published"] >= "2016-10-17" for c in late) and len(late) < aggs["total"]
    silent = api.get("/api/articles", params={"has_claims": False}).json()["items"]
    assert [a["title"] for a in silent] == ["Italy rescues 2,400 migrants in a day, 16 bodies recovered"]
    assert all(a["n_claims"] == 0 for a in silent)
    claims = api.get("/api/claims", params={"claimed_by": "SANA", "sort": "-killed"}).json()["items"]
    assert claims and all("SANA" in c["claimed_by"] for c in claims)
    assert [c["killed"]["low"] for c in claims] == sorted((c["killed"]["low"] for c in claims), reverse=True)


def test_downloads_use_the_export_formats(api: TestClient) -> None:
    iraq = {e["event_id"] for e in all_events(api, country="Iraq")}
    r = api.get("/api/download/events", params={"format": "csv", "country": "Iraq"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == COLUMNS
    assert {row["event_id_cnty"].split("-", 1)[1] for row in rows} == iraq
    gj = api.get("/api/download/events", params={"format": "geojson", "min_fatalities": 20}).json()
    assert gj["type"] == "FeatureCollection"
    assert all(f["properties"]["fatalities"] >= 20 for f in gj["features"]) and gj["features"]
    pq = api.get("/api/download/events", params={"format": "parquet"})
    import pyarrow as pa
    import pyarrow.parquet as papq

    table = papq.read_table(pa.BufferReader(pq.content))
    assert table.num_rows == len(all_events(api))
    assert api.get("/api/download/formats").json()["events"] == list(FORMATS)
    for fmt in FORMATS:
        assert api.get("/api/download/events", params={"format": fmt}).status_code == 200, fmt
    claims = api.get("/api/download/claims", params={"format": "jsonl", "scope": "aggregate"}).text
    assert {json.loads(line)["scope"] for line in claims.splitlines()} == {"aggregate"}
    arts = api.get("/api/download/articles").text.splitlines()
    assert len(arts) == 10


@pytest.mark.parametrize("url", [
    "/api/events?sort=bogus", "/api/events?sort=-event_id;drop", "/api/events?bbox=1,2",
    "/api/events?bbox=a,b,c,d", "/api/events?bbox=10,50,20,40", "/api/events?since=2016-10-20&until=2016-10-01",
    "/api/events?since=yesterday", "/api/events?limit=0", "/api/events?limit=501", "/api/events?offset=-1",
    "/api/events?min_fatalities=-1", "/api/claims?scope=foo", "/api/counts?interval=month",
    "/api/download/events?format=xlsx", "/api/download/claims?format=parquet", "/api/articles?sort=text",
    "/api/events?q=" + "x" * 201,
])
def test_bad_parameters_get_422_with_a_reason(api: TestClient, url: str) -> None:
    r = api.get(url)
    assert r.status_code == 422, (url, r.text)
    assert r.json()["detail"]


def test_unknown_ids_get_404(api: TestClient) -> None:
    r = api.get("/api/events/ev000000000000")
    assert r.status_code == 404 and "ev000000000000" in r.json()["detail"]
    assert api.get("/api/articles/nope").status_code == 404


@pytest.mark.parametrize("evil", ["' OR 1=1 --", "x'; DROP TABLE events; --", '" OR ""="', "%", "_",
                                  "Syria' UNION SELECT * FROM articles --", "\\", "1) OR (1=1"])
def test_sql_injection_strings_are_inert(api: TestClient, demo_db: str, evil: str) -> None:
    total = api.get("/api/events").json()["total"]
    for param in ("q", "country", "admin1", "actor", "claimed_by", "type"):
        r = api.get("/api/events", params={param: evil})
        assert r.status_code == 200, (param, r.text)
        assert r.json()["total"] == 0, (param, evil)  # taken literally: no event contains it
    for path in ("/api/claims", "/api/articles"):
        r = api.get(path, params={"q": evil})
        assert r.status_code == 200 and r.json()["total"] == 0
    assert api.get(f"/api/events/{evil}").status_code in (404, 422)
    store = open_store(demo_db)
    assert store.count("events") == total and store.count("articles") == 10


def test_writes_need_the_token(demo_db: str) -> None:
    body = {"articles": [{"text": "Nothing happened today."}]}
    no_token = client(demo_db)
    r = no_token.post("/api/reconcile")
    assert r.status_code == 403 and "--token" in r.json()["detail"]
    api = client(demo_db, token=TOKEN)
    assert api.post("/api/reconcile").status_code == 401
    assert api.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert api.post("/api/articles", json=body, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    r = api.post("/api/reconcile", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and "events" in r.json()["events"]


def test_reads_can_be_protected(demo_db: str) -> None:
    api = client(demo_db, token=TOKEN, protect_reads=True)
    assert api.get("/api/events").status_code == 401
    assert api.get("/api/download/events").status_code == 401
    ok = api.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["total"] > 0
    assert api.get("/").status_code == 200  # the dashboard page itself, which then asks for the token


ARTICLE = {
    "id": "api-test-1",
    "title": "Air strike kills seven in Saraqeb",
    "published": "2016-10-20",
    "source": "Reuters",
    "text": ("BEIRUT (Reuters) - An air strike killed seven people in the town of Saraqeb in Idlib "
             "province on Wednesday, the Syrian Observatory for Human Rights said."),
}


def test_posting_articles_runs_the_pipeline_once(demo_db: str) -> None:
    api = client(demo_db, token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = api.get("/api/events").json()["total"]
    r = api.post("/api/articles", json={"articles": [ARTICLE]}, headers=auth)
    assert r.status_code == 200, r.text
    res = r.json()
    assert (res["articles_new"], res["errors"]) == (1, []) and res["claims"] >= 1 and res["events"]
    after = all_events(api, q="Saraqeb")
    assert api.get("/api/events").json()["total"] == before + 1
    assert len(after) == 1 and after[0]["fatalities"] == 7
    again = api.post("/api/articles", json={"articles": [ARTICLE]}, headers=auth).json()
    assert (again["articles_new"], again["articles_skipped"]) == (0, 1)
    assert api.get("/api/events").json()["total"] == before + 1
    assert open_store(demo_db).count("articles") == 11


@pytest.mark.parametrize("body,where", [
    ({"articles": []}, ["articles"]),
    ({"articles": [{"title": "no text"}]}, ["articles", 0, "text"]),
    ({"articles": [ARTICLE, {"text": "ok", "published": "13/10/2016"}]}, ["articles", 1, "published"]),
    ({"articles": [{"text": "ok", "id": "has spaces"}]}, ["articles", 0, "id"]),
    ({"items": [ARTICLE]}, ["articles"]),
])
def test_invalid_articles_get_422_naming_the_item(demo_db: str, body: dict[str, Any], where: list[Any]) -> None:
    api = client(demo_db, token=TOKEN)
    r = api.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422
    assert any(d["loc"][: len(where)] == where for d in r.json()["detail"]), r.json()
    assert open_store(demo_db).count("articles") == 10  # nothing half-stored


def test_broken_json_gets_422(demo_db: str) -> None:
    api = client(demo_db, token=TOKEN)
    r = api.post("/api/articles", content=b'{"articles": [', headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code == 422


def test_oversized_bodies_get_413(demo_db: str) -> None:
    api = client(demo_db, token=TOKEN, max_body=2000)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"articles": [{**ARTICLE, "text": ARTICLE["text"] * 30}]}
    r = api.post("/api/articles", json=big, headers=auth)
    assert r.status_code == 413 and "2000" in r.json()["detail"]

    def chunks():  # no Content-Length: the limit is enforced while reading
        yield b'{"articles": [{"text": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}]}'

    r = api.post("/api/articles", content=chunks(), headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 413
    assert open_store(demo_db).count("articles") == 10
    small = api.post("/api/articles", json={"articles": [ARTICLE]}, headers=auth)
    assert small.status_code == 200


def test_openapi_and_offline_docs(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/claims", "/api/articles",
                 "/api/articles/{article_id}", "/api/counts", "/api/download/events", "/api/reconcile"):
        assert path in spec["paths"], path
    docs = api.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert api.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_dashboard_is_served_with_a_strict_policy(api: TestClient) -> None:
    r = api.get("/")
    assert r.status_code == 200 and "<main id=\"view\"" in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    for asset in ("/static/js/app.js", "/static/vendor/leaflet/leaflet.js",
                  "/static/vendor/world-atlas/countries-50m.json"):
        assert api.get(asset).status_code == 200, asset
    assert "http" not in "".join(line for line in r.text.splitlines() if "src=" in line or "href=" in line
                                 if "/docs" not in line)
