/* The event page (every claim, its source, figure and quote highlighted in its article, and how
   each source's toll moved as reports came in) and the article page. */
"use strict";

/** The article text with the given spans wrapped in <mark>; all text goes in as text nodes. */
CW.highlighted = function (text, spans) {
  const out = CW.el("div", { class: "article-text" });
  const sorted = spans.filter((s) => s.start !== null && s.end !== null).sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, pos);
    if (start >= s.end) continue; // overlaps the previous quote
    if (start > pos) out.appendChild(document.createTextNode(text.slice(pos, start)));
    out.appendChild(CW.el("mark", { class: s.cls || "hl", "data-claim": s.claim_id, title: s.title || null },
      text.slice(start, s.end)));
    pos = s.end;
  }
  if (pos < text.length) out.appendChild(document.createTextNode(text.slice(pos)));
  return out;
};

/** A small SVG line chart: each source's killed figure by the publication date of its report. */
CW.tollChart = function (claims) {
  const series = new Map();
  for (const c of claims) {
    if (!c.killed || !c.published) continue;
    const key = CW.source(c);
    if (!series.has(key)) series.set(key, []);
    series.get(key).push({ t: Date.parse(c.published), v: c.killed.low, open: c.killed.high === null, c });
  }
  if (!series.size) return CW.el("p", { class: "muted" }, "No dated fatality figures to chart.");
  const all = [...series.values()].flat();
  const t0 = Math.min(...all.map((p) => p.t)), t1 = Math.max(...all.map((p) => p.t));
  const vmax = Math.max(1, ...all.map((p) => p.v));
  const W = 480, H = 190, L0 = 36, R0 = 12, T0 = 12, B0 = 28;
  const x = (t) => (t1 === t0 ? (L0 + W - R0) / 2 : L0 + ((t - t0) / (t1 - t0)) * (W - L0 - R0));
  const y = (v) => T0 + (1 - v / vmax) * (H - T0 - B0);
  const palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
  const g = CW.svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "toll-chart", role: "img",
    "aria-label": "killed as reported by each source, by publication date" });
  for (const f of [0, 0.5, 1]) {
    g.appendChild(CW.svg("line", { x1: L0, x2: W - R0, y1: y(f * vmax), y2: y(f * vmax), stroke: "#ddd" }));
    g.appendChild(CW.svg("text", { x: 2, y: y(f * vmax) + 4, "font-size": 11, fill: "#555" }, String(Math.round(f * vmax))));
  }
  const days = [...new Set(all.map((p) => p.t))].sort((a, b) => a - b);
  for (const d of days) {
    const anchor = days.length > 1 && d === days[0] ? "start" : days.length > 1 && d === days[days.length - 1] ? "end" : "middle";
    g.appendChild(CW.svg("text", { x: x(d), y: H - 8, "font-size": 11, fill: "#555", "text-anchor": anchor },
      new Date(d).toISOString().slice(5, 10)));
  }
  const legend = CW.el("ul", { class: "legend" });
  [...series.entries()].forEach(([name, pts], i) => {
    const col = palette[i % palette.length];
    pts.sort((a, b) => a.t - b.t);
    if (pts.length > 1) {
      g.appendChild(CW.svg("polyline", { points: pts.map((p) => `${x(p.t)},${y(p.v)}`).join(" "),
        fill: "none", stroke: col, "stroke-width": 2 }));
    }
    for (const p of pts) {
      g.appendChild(CW.svg("circle", { cx: x(p.t), cy: y(p.v), r: 4, fill: col },
        CW.svg("title", {}, `${name}: ${p.v}${p.open ? "+" : ""} (${new Date(p.t).toISOString().slice(0, 10)})`)));
    }
    legend.appendChild(CW.el("li", {}, CW.el("span", { class: "swatch", style: "background:" + col }),
      `${name}: ${pts.map((p) => p.v + (p.open ? "+" : "")).join(" \u2192 ")}`));
  });
  return CW.el("figure", { class: "toll" }, g, CW.el("figcaption", {}, legend));
};

CW.claimRows = function (claims, opts) {
  const showArticle = !opts || opts.article !== false;
  return CW.el("table", { class: "data claims" },
    CW.el("thead", {}, CW.el("tr", {}, ["source", "killed", "injured", "children", "date", showArticle ? "report" : "event", "quote"]
      .filter(Boolean).map((h) => CW.el("th", {}, h)))),
    CW.el("tbody", {}, claims.map((c) => CW.el("tr", { "data-claim": c.claim_id },
      CW.el("td", { "data-label": "source" }, CW.source(c)),
      CW.el("td", { class: "num", "data-label": "killed" }, CW.range(c.killed)),
      CW.el("td", { class: "num", "data-label": "injured" }, CW.range(c.injured)),
      CW.el("td", { class: "num", "data-label": "children" }, CW.range(c.children_killed)),
      CW.el("td", { class: "date", "data-label": "date" }, c.date_start || "?"),
      showArticle ? CW.el("td", { "data-label": "report" },
        CW.link("#/article/" + encodeURIComponent(c.article_id), c.article_title || c.article_id),
        c.published ? CW.el("div", { class: "muted" }, "published " + c.published) : null)
        : CW.el("td", { "data-label": "event" }, c.event_id ? CW.link("#/event/" + encodeURIComponent(c.event_id), "open event")
          : (c.scope === "aggregate" ? "aggregate (no event)" : "\u2014")),
      CW.el("td", { class: "quote", "data-label": "quote" }, CW.el("q", {}, c.quote))))));
};

CW.eventPage = async function (view, id) {
  const ev = await CW.api("events/" + encodeURIComponent(id));
  const head = CW.el("header", { class: "event-head" },
    CW.el("p", {}, CW.link("#/", "\u2190 all events")),
    CW.el("h1", {}, (ev.sub_event_type || ev.event_type || "Event") + " \u2014 " + (CW.place(ev) || "unknown place")),
    CW.el("p", { class: "meta" },
      CW.el("span", { class: "swatch", style: "background:" + CW.color(ev.event_type) }),
      [ev.event_date || "undated", ev.event_type, [ev.actor1, ev.actor2].filter(Boolean).join(" vs ")]
        .filter(Boolean).join(" \u00b7 ")),
    CW.el("dl", { class: "figures" },
      CW.el("dt", {}, "killed (best)"), CW.el("dd", { id: "ev-fatalities" }, ev.fatalities === null ? "no figure" : String(ev.fatalities)),
      CW.el("dt", {}, "range"), CW.el("dd", {}, ev.fatalities_low === null ? "\u2014" : `${ev.fatalities_low}\u2013${ev.fatalities_high}`),
      CW.el("dt", {}, "injured"), CW.el("dd", {}, ev.injured === null ? "\u2014" : String(ev.injured)),
      CW.el("dt", {}, "children killed"), CW.el("dd", {}, ev.children_killed === null ? "\u2014" : String(ev.children_killed)),
      CW.el("dt", {}, "sources"), CW.el("dd", {}, ev.sources.join("; ") || "\u2014")),
    ev.disputed ? CW.el("p", { class: "badge big" }, "Disputed: the sources' latest figures differ") : null,
    ev.notes ? CW.el("p", { class: "notes" }, ev.notes) : null,
    CW.el("p", { class: "muted" }, `${ev.event_id_cnty} \u00b7 ${ev.n_claims} claim${ev.n_claims === 1 ? "" : "s"} in ${ev.n_articles} article${ev.n_articles === 1 ? "" : "s"}`));
  const articlesBox = CW.el("section", { class: "articles" }, CW.el("h2", {}, "The reports"));
  CW.clear(view).append(head,
    CW.el("section", {}, CW.el("h2", {}, "Claims"), CW.el("div", { class: "table-wrap" }, CW.claimRows(ev.claims))),
    CW.el("section", {}, CW.el("h2", {}, "How each source's toll moved as reports came in"), CW.tollChart(ev.claims)),
    articlesBox);
  view.setAttribute("data-event", ev.event_id);
  const mine = new Set(ev.claims.map((c) => c.claim_id));
  const ids = [...new Set(ev.claims.map((c) => c.article_id))];
  const arts = await Promise.all(ids.map((a) => CW.api("articles/" + encodeURIComponent(a)).catch(() => null)));
  for (const art of arts) {
    if (art) articlesBox.appendChild(CW.articleBlock(art, mine));
  }
  view.setAttribute("data-ready", "1");
};

/** One article: headline, date, text with its claims' quotes highlighted (this event's stronger). */
CW.articleBlock = function (art, mine) {
  const spans = art.claims.filter((c) => c.located === "text").flatMap((c) => c.spans.map(([start, end]) => ({
    start, end, claim_id: c.claim_id,
    cls: !mine || mine.has(c.claim_id) ? "hl" : "hl-other",
    title: CW.source(c) + (c.killed ? ": " + CW.range(c.killed) + " killed" : ""),
  })));
  const inTitle = art.claims.some((c) => c.located === "title" && (!mine || mine.has(c.claim_id)));
  return CW.el("article", { class: "article", "data-article": art.article_id },
    CW.el("h3", {}, inTitle ? CW.el("mark", { class: "hl" }, art.title || "") : (art.title || "(no headline)")),
    CW.el("p", { class: "muted" }, [art.published ? "published " + art.published + (art.published_inferred ? " (inferred)" : "") : "undated",
      art.source || art.agency, art.dateline].filter(Boolean).join(" \u00b7 "),
      CW.safeUrl(art.url) ? [" \u00b7 ", CW.el("a", { href: CW.safeUrl(art.url), rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null),
    CW.highlighted(art.text, spans));
};

CW.articlePage = async function (view, id) {
  const art = await CW.api("articles/" + encodeURIComponent(id));
  CW.clear(view).append(
    CW.el("p", {}, CW.link("#/", "\u2190 all events")),
    CW.articleBlock(art, null),
    CW.el("section", {}, CW.el("h2", {}, `Claims in this article (${art.claims.length})`),
      art.claims.length ? CW.el("div", { class: "table-wrap" }, CW.claimRows(art.claims, { article: false }))
        : CW.el("p", { class: "muted" }, "This article gave no claim.")));
  view.setAttribute("data-ready", "1");
};
