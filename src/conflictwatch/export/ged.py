"""Events as a UCDP GED-style CSV: GED's columns, so scripts written for GED files run unchanged.

GED (the UCDP Georeferenced Event Dataset) codes one row per fatal event of organised violence.
Columns UCDP fills from its own registries (conflict and dyad ids, actor ids, active_year) are
present and empty: conflictwatch does not know UCDP's conflict registry. The mapping from our
events (docs/exports.md):

- best/low/high: our best estimate (ACLED's conservative figure) and the sources' range;
- side_a/side_b: actor1/actor2, the state side first when there is one (GED's convention);
- type_of_violence: 1 state-based (a state side against an armed side), 2 non-state (armed
  sides, none a state), 3 one-sided (an armed side against civilians), from ACLED actor types;
- where_prec from geo_precision, date_prec from time_precision;
- deaths_civilians = best for one-sided violence, else deaths_unknown = best (we do not split
  deaths by side).
"""

from __future__ import annotations

import csv
import hashlib
import logging
import math
from typing import Any, TextIO

from conflictwatch.countries import lookup
from conflictwatch.export import acled
from conflictwatch.export.context import ExportContext
from conflictwatch.models import Event
from conflictwatch.reconcile.build import place_label
from conflictwatch.reconcile.countries import event_id_cnty

log = logging.getLogger(__name__)

#: UCDP GED's columns, in GED's order (GED codebook, version 23.1 and later).
GED_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name",
    "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
    "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
]

STATE, ABROAD, CIVILIANS = 1, 8, 7
ARMED = {2, 3, 4}  # rebels, political and identity militias
# geo_precision (1 place, 2 near/part of a place, 3 province) -> GED where_prec
# (1 exact, 2 within 25 km, 4 first-order admin division; 6 = country only)
WHERE_PREC = {1: 1, 2: 2, 3: 4}
# time_precision (1 day, 2 week, 3 month) -> GED date_prec (1 day, 3 week, 4 month)
DATE_PREC = {1: 1, 2: 3, 3: 4}


def numeric_id(event_id: str) -> int:
    """A stable integer id (GED's `id` is numeric) from our event id; `relid` keeps ours."""
    return int(hashlib.sha256(event_id.encode()).hexdigest()[:13], 16)


def priogrid_gid(lat: float | None, lon: float | None) -> int | None:
    """PRIO-GRID cell (0.5 degrees): 1 at (-90, -180), counting eastwards then northwards."""
    if lat is None or lon is None:
        return None
    row = min(int(math.floor((lat + 90) * 2)), 359)
    col = min(int(math.floor((lon + 180) * 2)), 719)
    return row * 720 + col + 1


def _is_state(code: int | None, actor: str | None) -> bool:
    return code == STATE or (code == ABROAD and acled.home_country(actor) is not None)


def violence_type(inter_a: int | None, inter_b: int | None, a: str | None, b: str | None) -> int | None:
    """GED type_of_violence from the two sides' ACLED types; None when the types do not tell."""
    if CIVILIANS in (inter_a, inter_b):
        other = inter_b if inter_a == CIVILIANS else inter_a
        return 3 if other in ARMED | {STATE, ABROAD} else None
    sa, sb = _is_state(inter_a, a), _is_state(inter_b, b)
    if (sa and (sb or inter_b in ARMED)) or (sb and inter_a in ARMED):
        return 1
    if inter_a in ARMED and inter_b in ARMED:
        return 2
    return None


def ged_record(e: Event, ctx: ExportContext) -> dict[str, Any]:
    """One event as a GED row."""
    a, b = e.actor1, e.actor2
    ia = acled.inter_code(a, e.country)
    ib = acled.inter_code(b, e.country) if b else None
    if _is_state(ib, b) and not _is_state(ia, a):  # GED: side_a is the government side
        a, b, ia, ib = b, a, ib, ia
    vtype = violence_type(ia, ib, a, b)
    country = lookup(e.country)
    arts = ctx.articles_of(e)
    best = e.fatalities
    civilian_deaths = vtype == 3
    lat, lon = e.latitude, e.longitude
    where_prec = WHERE_PREC.get(e.geo_precision or 0) or (6 if country else None)
    place = place_label(e.location, e.admin1)
    day = e.event_date.isoformat() if e.event_date else None
    gw_a = lookup(acled.home_country(a)) if _is_state(ia, a) else None
    gw_b = lookup(acled.home_country(b)) if _is_state(ib, b) else None
    sources = list(dict.fromkeys([*e.sources, *ctx.publishers(e)]))
    return {
        "id": numeric_id(e.event_id),
        "relid": event_id_cnty(e.event_id, e.country),
        "year": e.event_date.year if e.event_date else None,
        "active_year": None,
        "code_status": "Clear",
        "type_of_violence": vtype,
        "conflict_dset_id": None, "conflict_new_id": None, "conflict_name": None,
        "dyad_dset_id": None, "dyad_new_id": None,
        "dyad_name": f"{a} - {b}" if a and b else None,
        "side_a_dset_id": None, "side_a_new_id": None, "side_a": a,
        "side_b_dset_id": None, "side_b_new_id": None, "side_b": b,
        "number_of_sources": len(sources),
        "source_article": ";".join(
            f"{x.publisher or 'unknown'},{x.published.isoformat() if x.published else ''},"
            f"\"{x.title or ''}\"" for x in arts
        ),
        "source_office": ";".join(ctx.publishers(e)),
        # one entry per article, in the same order in source_article/_date/_headline
        "source_date": ";".join(x.published.isoformat() if x.published else "" for x in arts),
        "source_headline": ";".join((x.title or "").replace(";", ",") for x in arts),
        "source_original": ";".join(ctx.claimants(e)),
        "where_prec": where_prec,
        "where_coordinates": place or e.country,
        "where_description": ", ".join(x for x in (place, e.admin2, e.country) if x) or None,
        "adm_1": e.admin1,
        "adm_2": e.admin2,
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "priogrid_gid": priogrid_gid(lat, lon),
        "country": e.country,
        "country_id": country.gwno if country else None,
        "region": country.ged_region if country else None,
        "event_clarity": 1,  # every event is one incident (aggregate claims never become events)
        "date_prec": DATE_PREC.get(e.time_precision or 0),
        "date_start": day,
        "date_end": day,
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": best if civilian_deaths else 0,
        "deaths_unknown": 0 if civilian_deaths else best,
        "best": best,
        "high": e.fatalities_high,
        "low": e.fatalities_low,
        "gwnoa": gw_a.gwno if gw_a else None,
        "gwnob": gw_b.gwno if gw_b else None,
    }


def write_ged(events: list[Event], ctx: ExportContext, out: TextIO) -> int:
    """Write the fatal events as GED rows; others are counted in a warning."""
    fatal = [e for e in events if (e.fatalities or 0) >= 1]
    if len(fatal) < len(events):
        log.warning(
            "%d event(s) without a reported death left out of the GED export "
            "(GED codes only events with at least one death)", len(events) - len(fatal)
        )
    w = csv.DictWriter(out, fieldnames=GED_COLUMNS, lineterminator="\n")
    w.writeheader()
    for e in fatal:
        w.writerow(ged_record(e, ctx))
    return len(fatal)


__all__ = ["GED_COLUMNS", "ged_record", "numeric_id", "priogrid_gid", "violence_type", "write_ged"]
