#!/usr/bin/env bash
# Vendor the dashboard's front-end files from the npm registry (run once by a developer; the
# result is committed, so the dashboard never loads anything from a CDN at run time).
#   Leaflet 1.9.4 (BSD-2-Clause)         -> web/static/vendor/leaflet/
#   topojson-client 3.1.0 (ISC)          -> web/static/vendor/topojson-client/
#   world-atlas 2.0.2 (ISC; Natural Earth data, public domain) -> web/static/vendor/world-atlas/
#   swagger-ui-dist 5.x (Apache-2.0)     -> web/static/vendor/swagger-ui/ (the /docs page)
# Usage: bash scripts/vendor_web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/conflictwatch/web/static/vendor
SWAGGER_VERSION=5.35.0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent leaflet@1.9.4 topojson-client@3.1.0 world-atlas@2.0.2 \
  "swagger-ui-dist@$SWAGGER_VERSION" >/dev/null)
for f in "$TMP"/*.tgz; do
  d="$TMP/$(basename "$f" .tgz)"; mkdir -p "$d"; tar xzf "$f" -C "$d"
done
rm -rf "$DEST"; mkdir -p "$DEST"/{leaflet/images,topojson-client,world-atlas,swagger-ui}
L="$TMP/leaflet-1.9.4/package"
cp "$L/dist/leaflet.js" "$L/dist/leaflet.css" "$L/LICENSE" "$DEST/leaflet/"
cp "$L"/dist/images/*.png "$DEST/leaflet/images/"
T="$TMP/topojson-client-3.1.0/package"
cp "$T/dist/topojson-client.min.js" "$T/LICENSE" "$DEST/topojson-client/"
W="$TMP/world-atlas-2.0.2/package"
# 50m outlines: detailed enough for a province, small enough (~750 kB) to ship
cp "$W/countries-50m.json" "$W/countries-110m.json" "$W/LICENSE" "$W/README.md" "$DEST/world-atlas/"
S="$TMP/swagger-ui-dist-$SWAGGER_VERSION/package"
cp "$S/swagger-ui-bundle.js" "$S/swagger-ui.css" "$S/LICENSE" "$DEST/swagger-ui/"
[ -f "$S/NOTICE" ] && cp "$S/NOTICE" "$DEST/swagger-ui/"
echo "vendored into $DEST:"; du -sh "$DEST"/*
