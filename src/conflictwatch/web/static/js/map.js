/* The events map: Leaflet on a canvas renderer (10k+ circle markers stay fluid), Natural Earth
   country outlines from the vendored world-atlas file as the only base map (offline). */
"use strict";

CW.MapView = (function () {
  let map = null;
  let renderer = null;
  let layer = null;
  let container = null;
  let baseLoaded = null;

  function radius(fatalities) {
    const f = fatalities || 0;
    return Math.min(28, 3 + 1.6 * Math.sqrt(f));
  }

  function loadBase() {
    if (!baseLoaded) {
      baseLoaded = fetch("/static/vendor/world-atlas/countries-50m.json")
        .then((r) => r.json())
        .then((topo) => {
          const land = topojson.feature(topo, topo.objects.countries);
          L.geoJSON(land, {
            renderer, interactive: false,
            style: { color: "#9a9a9a", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
          }).addTo(map).bringToBack();
        })
        .catch(() => { /* the events still show without outlines */ });
    }
    return baseLoaded;
  }

  function popup(row) {
    const [id, , , fatalities, type, day, location, disputed] = row;
    return CW.el("div", { class: "popup" },
      CW.el("strong", {}, location || "unknown place"),
      CW.el("div", {}, (day || "undated") + " \u00b7 " + (type || "no type")),
      CW.el("div", {}, "killed (best): " + (fatalities === null ? "no figure" : fatalities) +
        (disputed ? " \u00b7 disputed" : "")),
      CW.link("#/event/" + encodeURIComponent(id), "open event \u2192"));
  }

  function init(node, onMove) {
    container = node;
    renderer = L.canvas({ padding: 0.3 });
    map = L.map(node, { renderer, preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 14 })
      .setView([30, 30], 3);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth (world-atlas)");
    layer = L.layerGroup().addTo(map);
    map.on("moveend", () => onMove && onMove(bbox()));
    CW.mapInstance = map;
    loadBase();
  }

  function bbox() {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    let w = b.getWest(), e = b.getEast();
    if (e - w >= 360) { w = -180; e = 180; }
    const wrap = (x) => ((((x + 180) % 360) + 360) % 360) - 180;
    return [wrap(w), clamp(b.getSouth(), -90, 90), wrap(e), clamp(b.getNorth(), -90, 90)]
      .map((v) => v.toFixed(4)).join(",");
  }

  async function load(params, fit) {
    const data = await CW.api("events/points", params);
    layer.clearLayers();
    const rows = data.rows.slice().reverse(); // deadliest drawn last, on top
    const pts = [];
    for (const row of rows) {
      const [, lat, lon, fatalities, type] = row;
      const m = L.circleMarker([lat, lon], {
        renderer, radius: radius(fatalities), color: "#ffffff", weight: 0.8,
        fillColor: CW.color(type), fillOpacity: 0.78,
      });
      m.bindPopup(() => popup(row));
      layer.addLayer(m);
      pts.push([lat, lon]);
    }
    container.setAttribute("data-markers", String(rows.length));
    container.setAttribute("data-matching", String(data.matching));
    if (fit && pts.length) {
      map.fitBounds(L.latLngBounds(pts), { padding: [24, 24], maxZoom: 9, animate: false });
    }
    return data;
  }

  return { init, load, bbox, invalidate: () => map && map.invalidateSize() };
})();
