/* Shared helpers. Every piece of data reaches the page through textContent or attributes set
   with setAttribute: never through innerHTML, so article text cannot become markup. */
"use strict";

const CW = {};

CW.TYPE_COLORS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Strategic developments": "#1f77b4",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
};
CW.UNKNOWN_COLOR = "#7f7f7f";
CW.color = (type) => CW.TYPE_COLORS[type] || CW.UNKNOWN_COLOR;

/** el("a", {href: "#/"}, "text", child...) -> element; strings become text nodes. */
CW.el = function (tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
};

CW.svg = function (tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
};

CW.clear = function (node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};

CW.token = () => localStorage.getItem("cw-token") || "";

/** GET /api/<path> with query params (arrays repeat); throws Error with the server's detail. */
CW.api = async function (path, params) {
  const url = new URL("/api/" + path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === "") continue;
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, item);
  }
  const headers = {};
  if (CW.token()) headers.Authorization = "Bearer " + CW.token();
  const resp = await fetch(url, { headers });
  if (resp.status === 401) {
    document.getElementById("tokenbox").hidden = false;
  }
  if (!resp.ok) {
    let detail = resp.statusText;
    try {
      const d = (await resp.json()).detail;
      detail = typeof d === "string" ? d : JSON.stringify(d);
    } catch (e) { /* not JSON */ }
    throw new Error(resp.status + ": " + detail);
  }
  return resp.json();
};

CW.figure = function (best, low, high) {
  if (best === null || best === undefined) return "";
  let s = String(best);
  if (high !== null && high !== undefined && high !== best) s += " [" + low + "\u2013" + high + "]";
  return s;
};

CW.range = function (r) {
  if (!r) return "";
  if (r.high === null || r.high === undefined) return r.low + "+";
  return r.low === r.high ? String(r.low) : r.low + "\u2013" + r.high;
};

CW.place = (o) => [o.location, o.admin1, o.country].filter((x, i, a) => x && a.indexOf(x) === i).join(", ");

CW.source = (c) => c.claimed_by || (c.reported_by ? c.reported_by + " (own report)" : "the article");

CW.error = (msg) => CW.el("p", { class: "error", role: "alert" }, msg);

CW.link = (href, text, attrs) => CW.el("a", Object.assign({ href }, attrs || {}), text);

CW.legend = function (types) {
  return CW.el("ul", { class: "legend" }, types.map((t) =>
    CW.el("li", {}, CW.el("span", { class: "swatch", style: "background:" + CW.color(t) }), t || "no type")));
};

/** Only http(s) links from data: a "javascript:" URL in an article must never become a link. */
CW.safeUrl = (u) => (typeof u === "string" && /^https?:\/\//i.test(u) ? u : null);

/** Events and killed per event type (rows of /api/counts/types, summed over sub-types): the
    colour key of the map and timeline, with the numbers behind them. */
CW.typeTable = function (rows) {
  const by = new Map();
  for (const r of rows) {
    const a = by.get(r.event_type) || { events: 0, fatalities: 0 };
    a.events += r.events; a.fatalities += r.fatalities;
    by.set(r.event_type, a);
  }
  const sorted = [...by.entries()].sort((a, b) => b[1].events - a[1].events);
  return CW.el("table", { class: "data types", id: "type-table" },
    CW.el("thead", {}, CW.el("tr", {}, CW.el("th", {}, "event type"), CW.el("th", { class: "num" }, "events"),
      CW.el("th", { class: "num" }, "killed"))),
    CW.el("tbody", {}, sorted.map(([t, a]) => CW.el("tr", {},
      CW.el("td", {}, CW.el("span", { class: "swatch", style: "background:" + CW.color(t) }), t || "no type"),
      CW.el("td", { class: "num" }, String(a.events)), CW.el("td", { class: "num" }, String(a.fatalities))))));
};
