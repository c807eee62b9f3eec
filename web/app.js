// dyad's dashboard: plain JavaScript over the JSON API of dyad serve
// (docs/api.md). It loads nothing but this server's files and answers; the
// chart is inline SVG. Text from the store is only ever set as text
// (textContent), never parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";

// el("td", {class: "x"}, "text", child...)
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-")) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
}

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function status(msg, isError) {
  const s = $("status");
  s.textContent = msg || "";
  s.className = isError ? "error" : "";
}

// GET or POST to the API; rejects with the server's error message.
async function api(path, params, init) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== undefined) q.set(k, v);
  const url = path + (q.toString() ? "?" + q : "");
  const r = await fetch(url, init);
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error((body && body.error) || r.status + " " + r.statusText);
  return body;
}

// ---- the selection -------------------------------------------------------

function filters() {
  const actor = $("actor").value;
  if (actor) return { actor };
  return { source: $("source").value, target: $("target").value };
}

function selectionLabel(f) {
  if (f.actor) return "Events of " + f.actor + " (either side)";
  if (f.source && f.target) return f.source + " \u2192 " + f.target;
  if (f.source) return "Events by " + f.source;
  if (f.target) return "Events on " + f.target;
  return "All events";
}

function saveHash() {
  const f = filters();
  const q = new URLSearchParams();
  for (const k of ["actor", "source", "target"]) if (f[k]) q.set(k, f[k]);
  if ($("by").value !== "month") q.set("by", $("by").value);
  if ($("dedup").checked) q.set("dedup", "1");
  history.replaceState(null, "", q.toString() ? "#" + q : location.pathname);
}

function loadHash() {
  const q = new URLSearchParams(location.hash.slice(1));
  const set = (id, v) => {
    if (!v) return;
    const s = $(id);
    if (![...s.options].some((o) => o.value === v)) s.append(el("option", { value: v }, v));
    s.value = v;
  };
  set("actor", q.get("actor"));
  set("source", q.get("source"));
  set("target", q.get("target"));
  if (q.get("by")) $("by").value = q.get("by");
  $("dedup").checked = q.get("dedup") === "1";
}

async function loadActors() {
  const a = await api("/api/actors", { limit: 500 });
  for (const id of ["source", "target", "actor"]) {
    const s = $(id);
    for (const x of a.actors) {
      const label = x.code + (x.name ? " \u2014 " + x.name : "") + " (" + x.events + ")";
      s.append(el("option", { value: x.code }, label));
    }
  }
}

// ---- overview: totals and the chart ----------------------------------------

function sum(v) { return v.reduce((a, b) => a + b, 0); }

function renderTotals(series, stats) {
  $("total-events").textContent = stats.events;
  $("total-coop").textContent = sum(series.cooperation);
  $("total-conflict").textContent = sum(series.conflict);
  $("total-goldstein").textContent = stats.events ? stats.goldstein_mean.toFixed(2) : "\u2013";
}

function renderChart(s) {
  const box = $("chart");
  box.textContent = "";
  const W = 760, H = 250, L = 36, R = 8, T = 10, B = 38;
  const n = s.periods.length;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "data-periods": n });
  box.append(root);
  if (!n) {
    root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "no dated events"));
    return;
  }
  const max = Math.max(1, ...s.cooperation, ...s.conflict);
  const pw = (W - L - R) / n, bw = Math.max(1, Math.min(24, pw * 0.38));
  const y = (v) => T + (H - T - B) * (1 - v / max);
  // axis and three ticks
  for (const t of [0, Math.round(max / 2), max]) {
    root.append(svg("line", { class: "axis", x1: L, x2: W - R, y1: y(t), y2: y(t) }));
    root.append(svg("text", { x: L - 6, y: y(t) + 4, "text-anchor": "end" }, String(t)));
  }
  const every = Math.ceil(n / 12);
  s.periods.forEach((p, i) => {
    const c = s.cooperation[i], k = s.conflict[i];
    const g = svg("g", { class: "period", "data-period": p, "data-coop": c, "data-conflict": k,
                         "data-events": s.events[i] });
    const x = L + pw * i + pw / 2;
    const r1 = svg("rect", { class: "coop", x: x - bw, y: y(c), width: bw, height: y(0) - y(c) });
    const r2 = svg("rect", { class: "conflict", x: x, y: y(k), width: bw, height: y(0) - y(k) });
    r1.append(svg("title", {}, `${p}: ${c} cooperation`));
    r2.append(svg("title", {}, `${p}: ${k} conflict`));
    g.append(r1, r2);
    if (i % every === 0)
      g.append(svg("text", { x: x, y: H - B + 16, "text-anchor": "middle" }, p));
    root.append(g);
  });
}

function renderTops(stats) {
  const dy = $("top-dyads"), ac = $("top-actors");
  dy.textContent = "";
  ac.textContent = "";
  for (const d of stats.top_dyads) {
    const li = el("li", { "data-dyad": d.name }, d.name + " ", el("span", { class: "n" }, "(" + d.events + ")"));
    li.addEventListener("click", () => {
      const [s, t] = d.name.split(":");
      pick("source", s);
      pick("target", t);
      $("actor").value = "";
      refresh();
    });
    dy.append(li);
  }
  for (const a of stats.top_actors) {
    const li = el("li", { "data-actor": a.name }, a.name + " ", el("span", { class: "n" }, "(" + a.events + ")"));
    li.addEventListener("click", () => { pick("actor", a.name); refresh(); });
    ac.append(li);
  }
}

function pick(id, code) {
  const s = $(id);
  if (![...s.options].some((o) => o.value === code)) s.append(el("option", { value: code }, code));
  s.value = code;
}

// ---- events ----------------------------------------------------------------

// The sentence with the source, verb and target phrases marked. A phrase is
// found at its span (relative to the sentence's) when the text is there,
// else at its first occurrence; overlapping phrases are not marked twice.
function highlighted(ev) {
  const s = ev.sentence_text || "";
  const marks = [];
  for (const [cls, text, span] of [["src", ev.source_text, ev.source_span],
                                   ["verb", ev.verb_text, ev.verb_span],
                                   ["tgt", ev.target_text, ev.target_span]]) {
    if (!text) continue;
    let at = span ? span[0] - ev.sentence_span[0] : -1;
    if (at < 0 || s.substr(at, text.length) !== text) at = s.indexOf(text);
    if (at < 0) continue;
    const end = at + text.length;
    if (marks.some((m) => at < m.end && end > m.at)) continue;
    marks.push({ at, end, cls });
  }
  marks.sort((a, b) => a.at - b.at);
  const p = el("p", { class: "sentence" });
  let pos = 0;
  for (const m of marks) {
    p.append(s.slice(pos, m.at), el("mark", { class: m.cls }, s.slice(m.at, m.end)));
    pos = m.end;
  }
  p.append(s.slice(pos));
  return p;
}

function detail(ev) {
  const meta = el("p", { class: "meta" },
    "rule ", el("code", {}, ev.rule || "?"),
    " \u00b7 document ", el("code", {}, ev.doc_id),
    ", sentence " + ev.sentence,
    ev.in_title ? " (title)" : "",
    " \u00b7 event ", el("code", {}, ev.event_id),
    ev.plover_type ? " \u00b7 PLOVER " + ev.plover_type : "",
    " \u00b7 Goldstein " + ev.goldstein);
  const kids = [highlighted(ev), meta];
  if (ev.title) kids.unshift(el("p", { class: "meta" }, ev.title));
  if (ev.url && /^https?:\/\//i.test(ev.url)) {   // no javascript: links
    const a = el("a", { href: ev.url, rel: "noopener noreferrer" }, ev.url);
    kids.push(el("p", { class: "meta" }, a));
  }
  return kids;
}

function fmtDate(d) {
  return d && d.length === 8 ? d.slice(0, 4) + "-" + d.slice(4, 6) + "-" + d.slice(6) : "\u2013";
}

function eventRow(ev, tbody) {
  const tr = el("tr", { class: "event", "data-event-id": ev.event_id, "data-code": ev.code,
                        "data-date": ev.date },
    el("td", {}, fmtDate(ev.date)),
    el("td", {}, ev.source),
    el("td", { class: "code" }, ev.code, el("small", {}, ev.cameo_name || "")),
    el("td", {}, ev.target),
    el("td", {}, ev.verb_text),
    el("td", {}, ev.publisher || ""));
  tr.addEventListener("click", () => {
    const next = tr.nextElementSibling;
    if (next && next.classList.contains("detail")) { next.remove(); return; }
    const td = el("td", { colSpan: 6 }, ...detail(ev));
    tr.after(el("tr", { class: "detail" }, td));
  });
  tbody.append(tr);
}

let cursor = null;

async function loadEvents(append) {
  const tbody = $("event-table").tBodies[0];
  if (!append) { tbody.textContent = ""; cursor = null; }
  const page = await api("/api/events", Object.assign({ limit: 50, cursor: cursor || "" }, filters()));
  for (const ev of page.events) eventRow(ev, tbody);
  cursor = page.next;
  $("more").hidden = !cursor;
  if (!tbody.rows.length) tbody.append(el("tr", {}, el("td", { colSpan: 6 }, "no events")));
}

// ---- refresh ---------------------------------------------------------------

let generation = 0;

async function refresh() {
  const mine = ++generation;
  saveHash();
  const f = filters();
  for (const id of ["source", "target"]) $(id).disabled = !!f.actor;
  $("selection").textContent = selectionLabel(f);
  status("loading\u2026");
  const agg = Object.assign({ by: $("by").value, dedup: $("dedup").checked ? 1 : "" }, f);
  try {
    const [series, stats] = await Promise.all([
      api("/api/series", agg),
      api("/api/stats", Object.assign({ top: 10 }, agg)),
      loadEvents(false)]);
    if (mine !== generation) return;
    renderTotals(series, stats);
    renderChart(series);
    renderTops(stats);
    document.body.setAttribute("data-ready", String(mine));
    status(series.unknown_date_events ? series.unknown_date_events + " events without a date are not in the chart" : "");
  } catch (e) {
    if (mine === generation) status(e.message, true);
  }
}

// ---- code this text ----------------------------------------------------------

async function codeText(ev) {
  ev.preventDefault();
  const out = $("code-result");
  out.textContent = "";
  const text = $("code-text").value;
  const explain = $("code-explain").checked;
  try {
    const d = $("code-date").value;
    const r = await api("/api/code", { date: d, explain: explain ? 1 : "" },
      { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: text });
    out.append(el("p", { class: "meta", id: "code-summary" },
      r.nevents + " event" + (r.nevents === 1 ? "" : "s") + " from " + r.nsentences + " sentence" +
      (r.nsentences === 1 ? "" : "s")));
    for (const e of r.events) {
      out.append(el("div", { class: "coded", "data-code": e.code },
        el("strong", {}, e.source + " " + e.code + " " + e.target),
        ...detail(e)));
    }
    if (explain && r.trace)
      out.append(el("details", {}, el("summary", {}, "explain trace"),
        el("pre", { class: "trace" }, JSON.stringify(r.trace, null, 1))));
  } catch (e) {
    out.append(el("p", { class: "meta error" }, e.message));
  }
}

// ---- start -------------------------------------------------------------------

async function start() {
  try {
    await loadActors();
  } catch (e) {
    status("cannot load actors: " + e.message, true);
  }
  loadHash();
  for (const id of ["source", "target", "actor", "by", "dedup"]) $(id).addEventListener("change", refresh);
  $("swap").addEventListener("click", () => {
    const s = $("source").value;
    $("source").value = $("target").value;
    $("target").value = s;
    refresh();
  });
  $("more").addEventListener("click", () => loadEvents(true).catch((e) => status(e.message, true)));
  $("code-form").addEventListener("submit", codeText);
  refresh();
}

start();
