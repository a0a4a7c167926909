/* A sortable, paged table backed by the API (the server sorts and pages: 10k rows never reach
   the browser at once). Columns: {key, label, sort?, cell(row) -> Node|string, cls?}. */
"use strict";

CW.Table = function (opts) {
  const { path, columns, pageSize, empty, id } = opts;
  let sort = opts.sort;
  let offset = 0;
  let params = {};
  const wrap = CW.el("div", { class: "table-wrap" });
  const info = CW.el("div", { class: "table-info" });
  const pager = CW.el("div", { class: "pager" });
  const box = CW.el("section", { class: "table-box", id: id || null }, info, wrap, pager);

  function header() {
    return CW.el("thead", {}, CW.el("tr", {}, columns.map((c) => {
      if (!c.sort) return CW.el("th", { class: c.cls || null }, c.label);
      const active = sort.replace(/^-/, "") === c.sort;
      const desc = sort.startsWith("-");
      const next = active && !desc ? "-" + c.sort : c.sort;
      return CW.el("th", { class: c.cls || null, "aria-sort": active ? (desc ? "descending" : "ascending") : "none" },
        CW.el("button", { type: "button", class: "sort", "data-sort": c.sort,
          onclick: () => { sort = next; offset = 0; load(); } },
        c.label, active ? (desc ? " \u25bc" : " \u25b2") : ""));
    })));
  }

  async function load(newParams) {
    if (newParams) { params = newParams; offset = 0; }
    let page;
    try {
      page = await CW.api(path, Object.assign({}, params, { sort, offset, limit: pageSize }));
    } catch (e) {
      CW.clear(wrap).appendChild(CW.error("Could not load: " + e.message));
      return null;
    }
    const body = CW.el("tbody", {}, page.items.map((row) =>
      CW.el("tr", {}, columns.map((c) => CW.el("td", { class: c.cls || null, "data-label": c.label }, c.cell(row))))));
    CW.clear(wrap).appendChild(CW.el("table", { class: "data" }, header(), body));
    const last = Math.min(page.total, offset + page.items.length);
    info.textContent = page.total ? `${offset + 1}\u2013${last} of ${page.total}` : (empty || "nothing matches");
    box.setAttribute("data-total", String(page.total));
    box.setAttribute("data-rows", String(page.items.length));
    CW.clear(pager);
    if (page.total > pageSize) {
      pager.appendChild(CW.el("button", { type: "button", disabled: offset === 0,
        onclick: () => { offset = Math.max(0, offset - pageSize); load(); } }, "\u2190 previous"));
      pager.appendChild(CW.el("span", {}, ` page ${Math.floor(offset / pageSize) + 1} of ${Math.ceil(page.total / pageSize)} `));
      pager.appendChild(CW.el("button", { type: "button", disabled: last >= page.total,
        onclick: () => { offset += pageSize; load(); } }, "next \u2192"));
    }
    return page;
  }

  return { node: box, load };
};

CW.eventColumns = [
  { label: "date", sort: "date", cls: "date", cell: (e) => e.event_date || "?" },
  { label: "type", sort: "type", cell: (e) => CW.el("span", {},
      CW.el("span", { class: "swatch", style: "background:" + CW.color(e.event_type) }),
      e.sub_event_type || e.event_type || "\u2014") },
  { label: "place", sort: "location", cell: (e) => CW.link("#/event/" + encodeURIComponent(e.event_id), CW.place(e) || "unknown place") },
  { label: "killed", sort: "fatalities", cls: "num", cell: (e) => CW.figure(e.fatalities, e.fatalities_low, e.fatalities_high) },
  { label: "disputed", sort: "disputed", cls: "flag", cell: (e) => e.disputed ? CW.el("span", { class: "badge", title: "sources disagree" }, "disputed") : "" },
  { label: "sources", cell: (e) => e.sources.join("; ") },
  { label: "claims", sort: "n_claims", cls: "num", cell: (e) => String(e.n_claims) },
];
