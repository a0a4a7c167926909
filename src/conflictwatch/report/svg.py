"""Inline SVG for the printable brief: a map on Natural Earth outlines, and a timeline.

The outlines are the dashboard's vendored world-atlas TopoJSON, decoded here (quantised arcs,
delta-encoded) so the brief needs no network and no JavaScript. All text is escaped.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup, escape

TYPE_COLORS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Strategic developments": "#1f77b4",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
}
UNKNOWN = "#7f7f7f"

Ring = list[tuple[float, float]]


def color(event_type: str | None) -> str:
    return TYPE_COLORS.get(event_type or "", UNKNOWN)


@cache
def country_rings(resolution: str = "50m") -> list[tuple[str, list[Ring]]]:
    """(name, rings in lon/lat) for every country of world-atlas' countries-<resolution>.json."""
    path = files("conflictwatch.web").joinpath(f"static/vendor/world-atlas/countries-{resolution}.json")
    topo = json.loads(path.read_text(encoding="utf-8"))
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts: Ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes: list[int]) -> Ring:
        out: Ring = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return out

    result: list[tuple[str, list[Ring]]] = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = (g.get("properties") or {}).get("name", "")
        if g["type"] == "Polygon":
            rings = [ring(r) for r in g["arcs"]]
        elif g["type"] == "MultiPolygon":
            rings = [ring(r) for poly in g["arcs"] for r in poly]
        else:
            continue
        result.append((name, rings))
    return result


class View:
    """An equirectangular projection of a lon/lat box onto a width x height canvas."""

    def __init__(self, west: float, south: float, east: float, north: float, width: int) -> None:
        self.w, self.s, self.e, self.n = west, south, east, north
        self.k = math.cos(math.radians((south + north) / 2))
        self.width = width
        self.scale = width / ((east - west) * self.k)
        self.height = max(1, round((north - south) * self.scale))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.w) * self.k * self.scale, (self.n - lat) * self.scale

    def touches(self, ring: Ring) -> bool:
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        return not (max(lons) < self.w or min(lons) > self.e or max(lats) < self.s or min(lats) > self.n)


def fit_box(points: Iterable[tuple[float, float]],
            min_span: float = 3.0) -> tuple[float, float, float, float]:
    """A lon/lat box around the points with a margin; the whole region when there are none."""
    pts = list(points)
    if not pts:
        return 20.0, 10.0, 60.0, 42.0
    lons = [p[0] for p in pts]
    lats = [p[1] for p in pts]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    cx, cy = (w + e) / 2, (s + n) / 2
    k = math.cos(math.radians(cy))
    # a landscape box (width:height about 3:2 on the page) with a margin around the points
    half_h = max((n - s) * 0.6, (e - w) * k * 0.6 / 1.5, min_span / 2)
    half_w = half_h * 1.5 / k
    return cx - half_w, max(-85, cy - half_h), cx + half_w, min(85, cy + half_h)


def map_svg(events: list[dict[str, Any]], width: int = 760, labels: int = 6) -> Markup:
    """Events as circles sized by fatalities and coloured by type, on country outlines."""
    located = [e for e in events if e["latitude"] is not None and e["longitude"] is not None]
    view = View(*fit_box((e["longitude"], e["latitude"]) for e in located), width=width)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {view.width} {view.height}" '
             f'class="map" role="img" aria-label="map of the incidents">',
             f'<rect width="{view.width}" height="{view.height}" fill="#d7e6ef"/>']
    for name, rings in country_rings():
        d = []
        for r in rings:
            if len(r) < 3 or not view.touches(r):
                continue
            xy = [view.xy(lon, lat) for lon, lat in r]
            d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
        if d:
            parts.append(f'<path d="{"".join(d)}" fill="#f4f1ea" stroke="#9a9a9a" stroke-width="0.6">'
                         f"<title>{escape(name)}</title></path>")
    for e in sorted(located, key=lambda e: -(e["fatalities"] or 0)):
        x, y = view.xy(e["longitude"], e["latitude"])
        r = min(26.0, 3 + 1.5 * math.sqrt(e["fatalities"] or 0))
        tip = f'{e["event_date"] or "undated"} {e["location"] or ""}: {e["fatalities"] or 0} killed'
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{color(e["event_type"])}" '
                     f'fill-opacity="0.75" stroke="#fff" stroke-width="0.8">'
                     f"<title>{escape(tip)}</title></circle>")
    placed: list[tuple[float, float]] = []
    named: set[str] = set()
    for e in sorted(located, key=lambda e: -(e["fatalities"] or 0)):
        if len(named) >= labels or not e["location"] or e["location"] in named:
            continue
        x, y = view.xy(e["longitude"], e["latitude"])
        if any(abs(x - px) < 90 and abs(y - py) < 16 for px, py in placed):
            continue  # would overprint a label already placed
        named.add(e["location"])
        placed.append((x, y))
        parts.append(f'<text x="{x + 6:.1f}" y="{y - 6:.1f}" font-size="11" fill="#1d232a" '
                     f'stroke="#fff" stroke-width="3" paint-order="stroke">{escape(e["location"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def timeline_svg(rows: list[dict[str, Any]], since: date, until: date, width: int = 760,
                 height: int = 170) -> Markup:
    """Fatalities per day as stacked bars by event type (rows from `query.event_counts`)."""
    days = (until - since).days + 1
    per: dict[str, dict[str | None, int]] = defaultdict(dict)
    for r in rows:
        per[r["period"]][r["event_type"]] = r["fatalities"]
    types = sorted({r["event_type"] for r in rows}, key=lambda t: t or "~")
    top = max([sum(v.values()) for v in per.values()] or [0]) or 1
    left, bottom, head = 36, 20, 8
    pw, ph = width - left - 6, height - bottom - head
    bw = pw / max(days, 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="timeline" '
             f'role="img" aria-label="fatalities per day by type">']
    for f in (0, 0.5, 1):
        y = head + ph - f * ph
        parts.append(f'<line x1="{left}" x2="{width - 6}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="2" y="{y + 4:.1f}" font-size="10" fill="#555">{round(f * top)}</text>')
    for i in range(days):
        day = (since + timedelta(days=i)).isoformat()
        y = head + ph
        for t in types:
            v = per.get(day, {}).get(t, 0)
            if not v:
                continue
            h = v / top * ph
            tip = escape(f"{day} {t or 'no type'}: {v}")
            x0, bar = left + i * bw + 0.5, max(bw - 1, 0.8)
            parts.append(f'<rect x="{x0:.1f}" y="{y - h:.1f}" width="{bar:.1f}" '
                         f'height="{h:.1f}" fill="{color(t)}"><title>{tip}</title></rect>')
            y -= h
    n_labels = min(days, 6)
    for k in range(n_labels):
        i = round(k * (days - 1) / max(1, n_labels - 1))
        x = min(left + i * bw, width - 64)
        parts.append(f'<text x="{x:.1f}" y="{height - 5}" font-size="10" fill="#555">'
                     f"{(since + timedelta(days=i)).isoformat()}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))
