"""Pairing predicted claims with gold claims (by evidence) and checking their fields."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

from conflictwatch.evaluate.gold import GoldClaim, format_figure
from conflictwatch.evaluate.text import norm_location, norm_match
from conflictwatch.models import Claim, Range

GEO_TOLERANCE_KM = 2.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, for the optional 'coordinates agree within 2 km' place check."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _fig_equal(a: Range | None, b: Range | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.low == b.low and a.high == b.high


def _location_right(g: GoldClaim, p: Claim) -> bool:
    if norm_location(g.location) == norm_location(p.location):
        return True
    if g.lat is not None and g.lon is not None and p.latitude is not None and p.longitude is not None:
        return haversine_km(g.lat, g.lon, p.latitude, p.longitude) <= GEO_TOLERANCE_KM
    return False


def date_right(g: GoldClaim, p: Claim, published: date | None = None) -> bool:
    """Gold `date` equals `date_start`; a gold `date: null` (the text gives no day) also accepts
    the publication date standing in for it (`date_basis: "published"`, or `date_start` equal to
    the article's `published`), as the contract now dates every incident."""
    if g.date == p.date_start:
        return True
    if g.date is not None or p.date_start is None:
        return False
    return p.date_basis == "published" or (published is not None and p.date_start == published)


def field_checks(g: GoldClaim, p: Claim, published: date | None = None) -> dict[str, tuple[bool, Any, Any]]:
    """Per field: (right?, gold value, predicted value) for one matched pair; `published` is the
    article's publication date (see `date_right`)."""
    return {
        "killed": (_fig_equal(g.killed, p.killed), format_figure(g.killed), format_figure(p.killed)),
        "children_killed": (
            _fig_equal(g.children_killed, p.children_killed),
            format_figure(g.children_killed), format_figure(p.children_killed),
        ),
        "injured": (_fig_equal(g.injured, p.injured), format_figure(g.injured), format_figure(p.injured)),
        "date": (
            date_right(g, p, published),
            g.date.isoformat() if g.date else None,
            p.date_start.isoformat() if p.date_start else None,
        ),
        "location": (_location_right(g, p), g.location, p.location),
        "claimed_by": (g.claimed_by == p.claimed_by, g.claimed_by, p.claimed_by),
        "event_type": (g.event_type == p.event_type, g.event_type, p.event_type),
        "sub_event_type": (g.sub_event_type == p.sub_event_type, g.sub_event_type, p.sub_event_type),
    }


def _hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment for an n x m matrix (n <= m): column chosen for each row."""
    n, m = len(cost), len(cost[0]) if cost else 0
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    rows = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            rows[p[j] - 1] = j - 1
    return rows


_NO_EDGE = 1e12


def _offset(norm_text: str | None, fragment: str) -> int | None:
    if not norm_text:
        return None
    nf = norm_match(fragment)
    pos = norm_text.find(nf)
    if pos < 0 and len(nf) > 60:
        pos = norm_text.find(nf[:60])
    return pos if pos >= 0 else None


def match_claims(
    gold: Sequence[GoldClaim], predicted: Sequence[Claim], text: str | None = None
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) whose predicted quote holds the gold evidence.

    Among candidates sharing the evidence the assignment prefers, in this order, the same
    claimed_by, the same killed figure, then the closest position in the article; the number of
    pairs is always maximal, so a better-looking candidate never costs another claim its match.
    """
    if not gold or not predicted:
        return []
    nt = norm_match(text) if text else None
    quotes = [norm_match(p.quote or "") for p in predicted]
    g_pos = [_offset(nt, g.evidence) for g in gold]
    p_pos = [_offset(nt, p.quote or "") for p in predicted]
    cost: list[list[float]] = []
    for gi, g in enumerate(gold):
        ev = norm_match(g.evidence)
        row: list[float] = []
        for pi, p in enumerate(predicted):
            if not ev or ev not in quotes[pi]:
                row.append(_NO_EDGE)
                continue
            c = 0.0 if g.claimed_by == p.claimed_by else 1e8
            c += 0.0 if _fig_equal(g.killed, p.killed) else 1e6
            if g_pos[gi] is not None and p_pos[pi] is not None:
                dist = abs(g_pos[gi] - p_pos[pi])  # type: ignore[operator]
            else:
                dist = abs(gi - p.sentence_index) * 100
            c += min(dist, 999_999)
            row.append(c)
        cost.append(row)
    transposed = len(gold) > len(predicted)
    if transposed:
        cost = [list(col) for col in zip(*cost, strict=True)]
    assign = _hungarian(cost)
    pairs: list[tuple[int, int]] = []
    for r, c in enumerate(assign):
        if c < 0 or cost[r][c] >= _NO_EDGE:
            continue
        pairs.append((c, r) if transposed else (r, c))
    return sorted(pairs)

