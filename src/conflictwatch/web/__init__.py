"""The dashboard's static files (plain JavaScript, vendored Leaflet and world-atlas outlines)."""
