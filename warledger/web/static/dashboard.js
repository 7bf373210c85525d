// The timeline page: a bar chart of attack waves per day with diplomatic events on the same date
// axis, and a map of the places hit over Ukraine's oblast outlines. Data: this page's JSON twin
// (/.json with the same query) and the bundled /static/ukraine-oblasts.geojson. Every element is
// built with createElementNS and textContent: no data is ever parsed as markup.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const DAY_MS = 86400000;

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }
  function tip(node, text) { el("title", {}, node).textContent = text; }
  function link(parent, href) { const a = el("a", { href: href }, parent); return a; }
  function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
  function fmt(n) { return n === null || n === undefined ? "–" : n.toLocaleString("en"); }

  function seriesFor(data, weapon) {
    if (!weapon) return data.days.map(d => ({ date: d.date, launched: d.launched, intercepted: d.intercepted, attacks: d.attacks }));
    const byDay = new Map(data.days.map(d => [d.date, { date: d.date, launched: null, intercepted: null, attacks: d.attacks }]));
    for (const w of data.weapons) {
      if (w.what !== weapon) continue;
      const day = byDay.get(w.date) || { date: w.date, launched: null, intercepted: null, attacks: 1 };
      day.launched = w.launched; day.intercepted = w.intercepted; byDay.set(w.date, day);
    }
    return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  function waveHref(data, date) {
    const waves = data.waves[date] || [];
    if (waves.length === 1) return "/events/" + encodeURIComponent(waves[0].id);
    return "/events?kind=attack&since=" + date + "&until=" + date;
  }

  function drawChart(box, data, weapon) {
    box.replaceChildren();
    const days = seriesFor(data, weapon);
    if (!days.length) { box.textContent = "No attack waves or talks in this range."; return; }
    const width = Math.max(320, box.clientWidth || 800), height = width < 600 ? 220 : 260;
    const left = 44, right = 10, top = 10, bottom = 46;
    const first = dayNumber(days[0].date), last = dayNumber(days[days.length - 1].date);
    const span = Math.max(1, last - first + 1), plotW = width - left - right, plotH = height - top - bottom;
    const barW = Math.max(3, Math.min(22, plotW / span * 0.8));
    const max = Math.max(1, ...days.map(d => Math.max(d.launched || 0, d.intercepted || 0)));
    const x = iso => left + (dayNumber(iso) - first + 0.5) / span * plotW;
    const y = v => top + plotH - v / max * plotH;
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Weapons launched and intercepted per day" }, box);
    for (const t of [0, 0.5, 1]) {
      el("line", { class: "grid", x1: left, x2: width - right, y1: y(max * t), y2: y(max * t) }, svg);
      const label = el("text", { x: left - 4, y: y(max * t) + 4, "text-anchor": "end" }, svg);
      label.textContent = fmt(Math.round(max * t));
    }
    el("line", { class: "axis", x1: left, x2: width - right, y1: top + plotH, y2: top + plotH }, svg);
    // month ticks on the date axis
    const start = new Date(first * DAY_MS), months = [];
    for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); d.getTime() / DAY_MS <= last; d.setUTCMonth(d.getUTCMonth() + 1)) months.push(new Date(d));
    const every = Math.max(1, Math.ceil(months.length / (plotW / 70)));
    months.forEach((m, i) => {
      if (i % every) return;
      const iso = m.toISOString().slice(0, 10), px = x(iso) - plotW / span / 2;
      el("line", { class: "axis", x1: px, x2: px, y1: top + plotH, y2: top + plotH + 4 }, svg);
      el("text", { x: px + 2, y: top + plotH + 16 }, svg).textContent = iso.slice(0, 7);
    });
    for (const d of days) {
      if (!d.attacks) continue;
      const a = link(svg, waveHref(data, d.date));
      a.setAttribute("class", "wave");
      a.setAttribute("data-date", d.date);
      const cx = x(d.date);
      if (d.launched === null && d.intercepted === null) {
        el("rect", { class: "bar-none", x: cx - barW / 2, y: top + plotH - 4, width: barW, height: 4 }, a);
      } else {
        const l = d.launched || 0, i = d.intercepted || 0;
        el("rect", { class: "bar-launched", x: cx - barW / 2, y: y(l), width: barW, height: Math.max(1, y(0) - y(l)) }, a);
        el("rect", { class: "bar-intercepted", x: cx - barW / 4, y: y(i), width: barW / 2, height: Math.max(0, y(0) - y(i)) }, a);
      }
      tip(a, `${d.date}: ${d.attacks} wave(s); launched ${fmt(d.launched)}, intercepted ${fmt(d.intercepted)}` + (weapon ? ` (${weapon.replace(/_/g, " ")})` : ""));
    }
    // diplomatic events: diamonds under the axis, on the same dates
    for (const d of data.days) {
      d.diplomacy.forEach((talk, k) => {
        const a = link(svg, "/events/" + encodeURIComponent(talk.id));
        a.setAttribute("class", "talk");
        const cx = x(d.date), cy = top + plotH + 26 + k * 9, r = 5;
        el("path", { class: "talks", d: `M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z` }, a);
        el("line", { class: "grid", x1: cx, x2: cx, y1: top, y2: top + plotH }, svg);
        tip(a, `${d.date}: ${talk.type}: ${talk.participants.join(", ")}` + (talk.venue ? ` in ${talk.venue}` : ""));
      });
    }
  }

  function rings(geometry) {
    return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  }

  // what the map's circles are sized by: a place's number, and how its tooltip says it
  const MEASURES = {
    launched: { value: p => p.launched, text: p => `${fmt(p.launched)} weapons launched in them` },
    casualties: { value: p => p.killed + p.injured, text: p => `${fmt(p.killed)} killed and ${fmt(p.injured)} injured in them` },
  };

  function drawMap(box, data, geo, measureName) {
    const measure = MEASURES[measureName] || MEASURES.launched;
    box.replaceChildren();
    const all = geo.features.flatMap(f => rings(f.geometry).flat());
    const minX = Math.min(...all.map(p => p[0])), maxX = Math.max(...all.map(p => p[0]));
    const minY = Math.min(...all.map(p => p[1])), maxY = Math.max(...all.map(p => p[1]));
    const k = Math.cos((minY + maxY) / 2 * Math.PI / 180);   // equirectangular, true to scale at mid-latitude
    const width = 900, scale = width / ((maxX - minX) * k), height = Math.round((maxY - minY) * scale) + 4;
    const px = p => [((p[0] - minX) * k * scale).toFixed(1), ((maxY - p[1]) * scale + 2).toFixed(1)];
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Map of Ukraine's oblasts and the places hit" }, box);
    for (const f of geo.features) {
      const d = rings(f.geometry).map(r => "M" + r.map(p => px(p).join(" ")).join("L") + "Z").join("");
      const path = el("path", { class: "oblast", d: d }, svg);
      tip(path, f.properties.name);
    }
    const most = Math.max(1, ...data.places.map(measure.value));
    // biggest first, so that smaller circles stay on top and clickable
    for (const p of [...data.places].sort((a, b) => measure.value(b) - measure.value(a))) {
      const [cx, cy] = px([p.lon, p.lat]);
      const href = p.events.length === 1 ? "/events/" + encodeURIComponent(p.events[0]) : "/events?kind=attack&place=" + encodeURIComponent(p.name);
      const a = link(svg, href);
      el("circle", { class: "hit", cx: cx, cy: cy, r: (3 + 22 * Math.sqrt(measure.value(p) / most)).toFixed(1),
                     "data-place": p.name }, a);
      tip(a, `${p.name}: ${p.waves} wave(s), ${measure.text(p)}`);
    }
  }

  async function main() {
    const chart = document.getElementById("chart"), map = document.getElementById("map");
    const select = document.getElementById("weapon-class"), sizeBy = document.getElementById("map-measure");
    const [data, geo] = await Promise.all([
      fetch("/.json" + window.location.search).then(r => r.json()),
      fetch("/static/ukraine-oblasts.geojson").then(r => r.json()),
    ]);
    const redraw = () => drawChart(chart, data, select.value);
    redraw();
    drawMap(map, data, geo, sizeBy.value);
    select.addEventListener("change", redraw);
    sizeBy.addEventListener("change", () => drawMap(map, data, geo, sizeBy.value));
    let timer = null;
    // redraw when the chart's width changes; a height-only resize (a phone's address bar hiding, a
    // full-page screenshot) would otherwise replace the bars under a pending tap
    let drawnWidth = chart.clientWidth;
    window.addEventListener("resize", () => {
      if (chart.clientWidth === drawnWidth) return;
      clearTimeout(timer);
      timer = setTimeout(() => { drawnWidth = chart.clientWidth; redraw(); }, 150);
    });
    document.body.setAttribute("data-ready", "1");
  }
  main().catch(err => { document.getElementById("chart").textContent = "Could not load the data: " + err; });
})();
