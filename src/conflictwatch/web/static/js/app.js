/* The dashboard: a hash router (#/, #/event/ID, #/article/ID, #/aggregates, #/silent) and one
   filter bar whose values live in the URL, so every view and every reload agree on them. */
"use strict";

(function () {
  const FIELDS = ["since", "until", "type", "country", "admin1", "actor", "claimed_by", "min_fatalities", "q", "inview"];
  const view = document.getElementById("view");
  const form = document.getElementById("filters");
  let events = null; // the events view, built once (the map keeps its state between visits)
  let lastKey = null;

  function parseHash() {
    const raw = location.hash.replace(/^#/, "") || "/";
    const [path, query] = raw.split("?");
    const params = {};
    new URLSearchParams(query || "").forEach((v, k) => { if (FIELDS.includes(k) && v !== "") params[k] = v; });
    return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params };
  }

  function hashFor(parts, params) {
    const q = new URLSearchParams();
    for (const k of FIELDS) if (params[k]) q.set(k, params[k]);
    const s = q.toString();
    return "#/" + parts.map(encodeURIComponent).join("/") + (s ? "?" + s : "");
  }

  function formParams() {
    const fd = new FormData(form);
    const p = {};
    for (const k of FIELDS) {
      const v = k === "inview" ? (fd.get(k) ? "1" : "") : String(fd.get(k) || "").trim();
      if (v) p[k] = v;
    }
    return p;
  }

  function fillForm(params) {
    for (const k of FIELDS) {
      const input = form.elements.namedItem(k);
      if (!input) continue;
      if (input.type === "checkbox") input.checked = params[k] === "1";
      else input.value = params[k] || "";
    }
    const n = Object.keys(params).length;
    document.getElementById("filter-summary").textContent = n ? `(${n} set)` : "";
  }

  /** The API's query parameters for the filters (bbox only when "only the map's view"). */
  function apiParams(params, withBox) {
    const p = Object.assign({}, params);
    delete p.inview;
    if (withBox && params.inview === "1" && events) p.bbox = CW.MapView.bbox();
    return p;
  }

  async function loadFacets() {
    try {
      const f = await CW.api("facets");
      const sel = form.elements.namedItem("type");
      const main = CW.el("optgroup", { label: "event type" }, f.event_type.map((o) => CW.el("option", { value: o.value }, `${o.value} (${o.events})`)));
      const sub = CW.el("optgroup", { label: "sub-event type" }, f.sub_event_type.map((o) => CW.el("option", { value: o.value }, `${o.value} (${o.events})`)));
      sel.append(main, sub);
      form.elements.namedItem("country").append(...f.country.map((o) => CW.el("option", { value: o.value }, `${o.value} (${o.events})`)));
      document.getElementById("admin1-list").append(...f.admin1.map((o) => CW.el("option", { value: o.value })));
    } catch (e) { /* menus stay minimal; text filters still work */ }
  }

  function buildEvents() {
    const mapNode = CW.el("div", { id: "map", class: "map", role: "region", "aria-label": "map of events" });
    const tl = CW.el("div", { id: "timeline", class: "timeline" });
    const summary = CW.el("section", { id: "summary", class: "summary" });
    const legend = CW.el("div", { id: "legend" });
    const table = CW.Table({ path: "events", sort: "-date", pageSize: 50, columns: CW.eventColumns, id: "events-table",
      empty: "no events match these filters" });
    const root = CW.el("div", { class: "events-view" }, summary,
      CW.el("div", { class: "viz" }, mapNode, CW.el("div", { class: "side" }, tl, legend)), table.node);
    view.appendChild(root);
    CW.MapView.init(mapNode, () => {
      const { params } = parseHash();
      if (params.inview === "1") refreshLists(params);
    });
    CW.Timeline.init(tl);
    return { root, summary, legend, table };
  }

  async function refreshLists(params) {
    const p = apiParams(params, true);
    const s = await CW.api("summary", p);
    const t = s.totals;
    CW.clear(events.summary).append(
      CW.el("strong", { id: "total-events" }, `${t.events} events`), " \u00b7 ",
      CW.el("span", { id: "total-killed" }, `${t.fatalities} killed`), ` (best estimates; up to ${t.fatalities_high} by the highest figures) \u00b7 `,
      `${t.disputed} disputed`, t.first_date ? ` \u00b7 ${t.first_date} to ${t.last_date}` : "");
    const [, types] = await Promise.all([CW.Timeline.load(p, t), CW.api("counts/types", p)]);
    CW.clear(events.legend).appendChild(CW.typeTable(types));
    await events.table.load(p);
  }

  async function showEvents(params) {
    const key = JSON.stringify(apiParams(params, false));
    const first = !events;
    if (first) { CW.clear(view); events = buildEvents(); }
    else if (!view.contains(events.root)) { CW.clear(view).appendChild(events.root); CW.MapView.invalidate(); }
    events.root.setAttribute("data-ready", "0");
    if (key !== lastKey || first) {
      await CW.MapView.load(apiParams(params, false), true);
      lastKey = key;
    }
    await refreshLists(params);
    events.root.setAttribute("data-ready", "1");
    view.setAttribute("data-ready", "1");
  }

  async function route() {
    const { parts, params } = parseHash();
    fillForm(params);
    view.setAttribute("data-ready", "0");
    view.removeAttribute("data-event");
    const name = parts[0] || "events";
    document.querySelectorAll("[data-nav]").forEach((a) => {
      a.classList.toggle("active", a.getAttribute("data-nav") === name);
      const target = a.getAttribute("data-nav");
      a.setAttribute("href", hashFor(target === "events" ? [] : [target], params));
    });
    document.getElementById("filterbox").hidden = name === "event" || name === "article";
    try {
      if (name === "event" && parts[1]) await CW.eventPage(view, parts[1]);
      else if (name === "article" && parts[1]) await CW.articlePage(view, parts[1]);
      else if (name === "aggregates") await CW.aggregatesPage(view, apiParams(params, false));
      else if (name === "silent") await CW.silentPage(view, apiParams(params, false));
      else await showEvents(params);
    } catch (e) {
      CW.clear(view).appendChild(CW.error(e.message));
      view.setAttribute("data-ready", "error");
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const { parts } = parseHash();
    const target = ["aggregates", "silent"].includes(parts[0]) ? [parts[0]] : [];
    location.hash = hashFor(target, formParams());
  });
  form.elements.namedItem("inview").addEventListener("change", () => form.requestSubmit());
  document.getElementById("reset").addEventListener("click", () => {
    const { parts } = parseHash();
    location.hash = hashFor(["aggregates", "silent"].includes(parts[0]) ? [parts[0]] : [], {});
  });
  document.getElementById("tokenform").addEventListener("submit", (ev) => {
    ev.preventDefault();
    localStorage.setItem("cw-token", new FormData(ev.target).get("token") || "");
    document.getElementById("tokenbox").hidden = true;
    location.reload();
  });
  if (window.matchMedia("(max-width: 700px)").matches) document.getElementById("filterbox").open = false;
  window.addEventListener("hashchange", route);
  loadFacets().then(route);
})();
