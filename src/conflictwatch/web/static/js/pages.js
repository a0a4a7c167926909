/* The list pages: aggregate claims ("448 killed since Sept. 22", never merged into events) and
   articles that gave no claim (to check what the extractor passed over). */
"use strict";

CW.aggregatesPage = async function (view, params) {
  const table = CW.Table({
    path: "claims", sort: "-date", pageSize: 50, id: "aggregates",
    empty: "no aggregate claims match",
    columns: [
      { label: "reported", sort: "published", cls: "date", cell: (c) => c.published || "?" },
      { label: "since", sort: "date", cls: "date", cell: (c) => (c.date_start || "?") +
          (c.date_end && c.date_end !== c.date_start ? " to " + c.date_end : "") },
      { label: "place", sort: "location", cell: (c) => CW.place(c) || "\u2014" },
      { label: "killed", sort: "killed", cls: "num", cell: (c) => CW.range(c.killed) },
      { label: "children", cls: "num", cell: (c) => CW.range(c.children_killed) },
      { label: "source", sort: "claimed_by", cell: (c) => CW.source(c) },
      { label: "quote", cls: "quote", cell: (c) => CW.el("span", {}, CW.el("q", {}, c.quote), " ",
          CW.link("#/article/" + encodeURIComponent(c.article_id), "article")) },
    ],
  });
  CW.clear(view).append(
    CW.el("h1", {}, "Aggregate claims"),
    CW.el("p", { class: "muted" }, "Totals over a period or an area. They are kept apart from incidents and never added to events; a total matches the filters' dates when the period from its start to its report overlaps them."),
    table.node);
  await table.load(Object.assign({}, params, { scope: "aggregate" }));
  view.setAttribute("data-ready", "1");
};

CW.silentPage = async function (view, params) {
  const table = CW.Table({
    path: "articles", sort: "-published", pageSize: 50, id: "silent",
    empty: "every article gave at least one claim",
    columns: [
      { label: "published", sort: "published", cell: (a) => a.published || "?" },
      { label: "headline", sort: "title", cell: (a) => CW.link("#/article/" + encodeURIComponent(a.article_id), a.title || a.article_id) },
      { label: "source", sort: "source", cell: (a) => a.source || a.agency || "" },
      { label: "dateline", cell: (a) => a.dateline || "" },
      { label: "length", cls: "num", cell: (a) => a.text_chars + " chars" },
      { label: "from", cell: (a) => a.origin || "" },
    ],
  });
  CW.clear(view).append(
    CW.el("h1", {}, "Articles that gave no claims"),
    CW.el("p", { class: "muted" }, "Stored articles from which no incident or casualty claim was extracted: non-conflict stories, or reports the rules could not read."),
    table.node);
  const p = { has_claims: "false", since: params.since, until: params.until, q: params.q };
  await table.load(p);
  view.setAttribute("data-ready", "1");
};
