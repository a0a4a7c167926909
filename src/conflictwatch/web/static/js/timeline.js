/* Fatalities per day (per week over long spans) as stacked bars by event type, on a canvas. */
"use strict";

CW.Timeline = (function () {
  let canvas = null, tip = null, box = null, state = null;

  function init(node) {
    box = node;
    canvas = CW.el("canvas", { role: "img", "aria-label": "fatalities over time by event type" });
    tip = CW.el("div", { class: "tip", hidden: true });
    node.appendChild(canvas);
    node.appendChild(tip);
    canvas.addEventListener("mousemove", hover);
    canvas.addEventListener("mouseleave", () => { tip.hidden = true; });
    window.addEventListener("resize", () => state && draw());
  }

  /** `totals` (from /api/summary) gives the date span, which decides day or week bars. */
  async function load(params, totals) {
    let interval = "day";
    if (totals.first_date && totals.last_date) {
      const days = (Date.parse(totals.last_date) - Date.parse(totals.first_date)) / 864e5;
      if (days > 370) interval = "week";
    }
    const rows = await CW.api("counts", Object.assign({}, params, { interval }));
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    // fill the gaps so the time axis is linear
    const all = [];
    if (periods.length) {
      const step = interval === "week" ? 7 : 1;
      for (let t = Date.parse(periods[0]); t <= Date.parse(periods[periods.length - 1]); t += step * 864e5) {
        all.push(new Date(t).toISOString().slice(0, 10));
      }
    }
    const types = [...new Set(rows.map((r) => r.event_type))].sort((a, b) => (a || "~").localeCompare(b || "~"));
    const byPeriod = new Map(all.map((p) => [p, new Map()]));
    let total = 0;
    for (const r of rows) {
      byPeriod.get(r.period).set(r.event_type, r.fatalities);
      total += r.fatalities;
    }
    state = { interval, all, types, byPeriod, total, totals };
    box.setAttribute("data-total", String(total));
    box.setAttribute("data-periods", String(all.length));
    box.setAttribute("data-types", types.map((t) => t || "none").join("|"));
    draw();
    return state;
  }

  function draw() {
    const dpr = window.devicePixelRatio || 1;
    const w = box.clientWidth || 600, h = 170;
    canvas.width = w * dpr; canvas.height = h * dpr;
    canvas.style.width = w + "px"; canvas.style.height = h + "px";
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const { all, types, byPeriod, interval } = state;
    const left = 40, right = 8, top = 18, bottom = 22;
    const pw = w - left - right, ph = h - top - bottom;
    let max = 0;
    for (const p of all) {
      let s = 0; for (const v of byPeriod.get(p).values()) s += v;
      max = Math.max(max, s);
    }
    ctx.font = "11px system-ui, sans-serif";
    ctx.fillStyle = "#444";
    ctx.fillText("killed per " + interval + " (best estimates), by event type", left, 12);
    if (!all.length) { ctx.fillText("no dated events match", left, top + 30); return; }
    max = Math.max(max, 1);
    // axis and grid
    ctx.strokeStyle = "#ddd"; ctx.lineWidth = 1;
    for (const f of [0, 0.5, 1]) {
      const y = top + ph - f * ph;
      ctx.beginPath(); ctx.moveTo(left, y + 0.5); ctx.lineTo(w - right, y + 0.5); ctx.stroke();
      ctx.fillText(String(Math.round(f * max)), 2, y + 4);
    }
    const bw = pw / all.length;
    state.geom = { left, bw, top, ph };
    all.forEach((p, i) => {
      let y = top + ph;
      for (const t of types) {
        const v = byPeriod.get(p).get(t) || 0;
        if (!v) continue;
        const bh = (v / max) * ph;
        ctx.fillStyle = CW.color(t);
        ctx.fillRect(left + i * bw + (bw > 3 ? 1 : 0), y - bh, Math.max(1, bw - (bw > 3 ? 2 : 0)), bh);
        y -= bh;
      }
    });
    ctx.fillStyle = "#444";
    const labels = Math.min(all.length, Math.max(2, Math.floor(pw / 90)));
    for (let k = 0; k < labels; k++) {
      const i = Math.round((k * (all.length - 1)) / Math.max(1, labels - 1));
      const x = Math.min(w - right - 62, left + i * bw);
      ctx.fillText(all[i], x, h - 6);
    }
  }

  function hover(ev) {
    if (!state || !state.geom || !state.all.length) return;
    const r = canvas.getBoundingClientRect();
    const i = Math.floor((ev.clientX - r.left - state.geom.left) / state.geom.bw);
    if (i < 0 || i >= state.all.length) { tip.hidden = true; return; }
    const p = state.all[i];
    const lines = [p];
    for (const [t, v] of state.byPeriod.get(p)) lines.push((t || "no type") + ": " + v);
    CW.clear(tip);
    lines.forEach((l, k) => tip.appendChild(CW.el(k ? "div" : "strong", {}, l)));
    tip.hidden = false;
    tip.style.left = Math.min(ev.clientX - r.left + 12, r.width - 180) + "px";
    tip.style.top = "20px";
  }

  return { init, load };
})();
