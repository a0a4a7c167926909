/* The events map: Leaflet on a canvas renderer (10k+ circle markers stay fluid), Natural Earth
   country outlines from the vendored world-atlas file as the only base map (offline). */
"use strict";

/** All event points on one canvas, drawn in one pass on every move: 10k+ markers cost a few
    milliseconds, where one Leaflet object per marker would freeze the page. Clicks find the
    nearest point on screen and open a popup built from DOM nodes. */
CW.PointsLayer = L.Layer.extend({
  initialize(rows, radius, onClick) {
    this._rows = rows; this._radius = radius; this._onClick = onClick; this._screen = [];
  },
  onAdd(map) {
    this._canvas = L.DomUtil.create("canvas", "cw-points leaflet-zoom-hide");
    this._canvas.style.position = "absolute";
    this._canvas.style.pointerEvents = "none";
    map.getPanes().overlayPane.appendChild(this._canvas);
    map.on("moveend zoomend resize viewreset", this._redraw, this);
    map.on("click", this._click, this);
    map.on("mousemove", this._hover, this);
    this._redraw();
  },
  onRemove(map) {
    map.off("moveend zoomend resize viewreset", this._redraw, this);
    map.off("click", this._click, this);
    map.off("mousemove", this._hover, this);
    L.DomUtil.remove(this._canvas);
  },
  _redraw() {
    const map = this._map;
    if (!map) return;
    const size = map.getSize(), dpr = window.devicePixelRatio || 1;
    const c = this._canvas;
    L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
    c.width = size.x * dpr; c.height = size.y * dpr;
    c.style.width = size.x + "px"; c.style.height = size.y + "px";
    const ctx = c.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.lineWidth = 0.8; ctx.strokeStyle = "#ffffff"; ctx.globalAlpha = 0.8;
    const screen = [];
    for (const row of this._rows) { // deadliest last, so they stay on top
      const p = map.latLngToContainerPoint([row[1], row[2]]);
      const r = this._radius(row[3]);
      if (p.x < -r || p.y < -r || p.x > size.x + r || p.y > size.y + r) continue;
      ctx.beginPath();
      ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
      ctx.fillStyle = CW.color(row[4]);
      ctx.fill(); ctx.stroke();
      screen.push([p.x, p.y, r, row]);
    }
    this._screen = screen;
    if (map.getZoom() >= 6 && screen.length <= 300) this._labels(ctx, screen); // dense views: click instead
  },
  /** Place names of the deadliest points when zoomed in (the offline base map has none). */
  _labels(ctx, screen) {
    ctx.globalAlpha = 1;
    ctx.font = "12px system-ui, sans-serif";
    ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.fillStyle = "#1d232a";
    const placed = [];
    for (let i = screen.length - 1; i >= 0 && placed.length < 25; i--) {
      const [x, y, r, row] = screen[i];
      const text = row[6];
      if (!text) continue;
      const w = ctx.measureText(text).width, lx = x + r + 3, ly = y + 4;
      if (placed.some(([px, py, pw]) => lx < px + pw && px < lx + w && Math.abs(ly - py) < 14)) continue;
      ctx.strokeText(text, lx, ly); ctx.fillText(text, lx, ly);
      placed.push([lx, ly, w]);
    }
  },
  _hit(point) {
    let best = null, bestD = Infinity;
    for (const [x, y, r, row] of this._screen) {
      const d = (x - point.x) ** 2 + (y - point.y) ** 2;
      if (d <= (r + 3) ** 2 && d < bestD) { best = row; bestD = d; }
    }
    return best;
  },
  _click(e) {
    const row = this._hit(e.containerPoint);
    if (row) this._onClick(row, e.latlng);
  },
  _hover(e) {
    this._map.getContainer().style.cursor = this._hit(e.containerPoint) ? "pointer" : "";
  },
});

CW.MapView = (function () {
  let map = null;
  let points = null;
  let container = null;
  let baseLoaded = null;

  function radius(fatalities) {
    const f = fatalities || 0;
    return Math.min(28, 3 + 1.6 * Math.sqrt(f));
  }

  // Outlines: the light 110m file at world and region scale, the 50m one (loaded when first
  // needed) from zoom 5 on, where 110m coasts look coarse. Each is parsed and built once.
  const bases = {};
  let shownBase = null;

  function baseLayer(res) {
    if (!bases[res]) {
      bases[res] = fetch(`/static/vendor/world-atlas/countries-${res}.json`)
        .then((r) => r.json())
        .then((topo) => L.geoJSON(topojson.feature(topo, topo.objects.countries), {
          pane: "base", renderer: L.canvas({ padding: 0.2, pane: "base" }), interactive: false,
          style: { color: "#9a9a9a", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
        }))
        .catch(() => null); // the events still show without outlines
    }
    return bases[res];
  }

  async function loadBase() {
    const res = map.getZoom() >= 5 ? "50m" : "110m";
    const layer = await baseLayer(res);
    if (!layer || (map.getZoom() >= 5 ? "50m" : "110m") !== res || layer === shownBase) return;
    if (shownBase) map.removeLayer(shownBase);
    layer.addTo(map);
    shownBase = layer;
    container.setAttribute("data-base", res);
  }

  function popup(row, latlng) {
    const [id, , , fatalities, type, day, location, disputed] = row;
    const node = CW.el("div", { class: "popup" },
      CW.el("strong", {}, location || "unknown place"),
      CW.el("div", {}, (day || "undated") + " \u00b7 " + (type || "no type")),
      CW.el("div", {}, "killed (best): " + (fatalities === null ? "no figure" : fatalities) +
        (disputed ? " \u00b7 disputed" : "")),
      CW.link("#/event/" + encodeURIComponent(id), "open event \u2192"));
    L.popup({ offset: [0, -4] }).setLatLng(latlng).setContent(node).openOn(map);
  }

  function init(node, onMove) {
    container = node;
    map = L.map(node, { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([30, 30], 3);
    // outlines in their own pane under the events' (overlay, z 400), whenever they finish loading
    map.createPane("base").style.zIndex = 250;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth (world-atlas)");
    map.on("moveend", () => onMove && onMove(bbox()));
    map.on("zoomend", loadBase);
    CW.mapInstance = map;
    setTimeout(loadBase, 0);
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
    const rows = data.rows.slice().reverse(); // deadliest drawn last, on top
    if (points) map.removeLayer(points);
    map.closePopup();
    points = new CW.PointsLayer(rows, radius, popup);
    if (fit && rows.length) {
      let s = 90, w = 180, n = -90, e = -180;
      for (const r of rows) { s = Math.min(s, r[1]); n = Math.max(n, r[1]); w = Math.min(w, r[2]); e = Math.max(e, r[2]); }
      map.fitBounds([[s, w], [n, e]], { padding: [24, 24], maxZoom: 7, animate: false });
    }
    points.addTo(map);
    container.setAttribute("data-markers", String(rows.length));
    container.setAttribute("data-matching", String(data.matching));
    return data;
  }

  return { init, load, bbox, invalidate: () => map && map.invalidateSize() };
})();
