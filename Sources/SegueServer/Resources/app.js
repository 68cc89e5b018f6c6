"use strict";
const SCAN_EVENT = SEGUE_SCAN_EVENT_TYPES;
const ROUTE = SEGUE_ROUTES;
const state = { seed: null, end: null, set: null, page: 0, pageSize: 20, total: 0, swapPosition: null };
const $ = (id) => document.getElementById(id);

// A route's path with its {placeholders} filled in, each value URL-encoded.
function route(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(values[name]));
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error((body && body.error) || ("HTTP " + response.status));
  return body;
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  if (content !== undefined && content !== null) element.textContent = content;
  if (className) element.className = className;
  return element;
}

function button(label, onClick, className) {
  const element = text("button", label, className);
  element.type = "button";
  element.addEventListener("click", onClick);
  return element;
}

// Camelot colour: the wheel's number sets the hue, minor (A) lighter than major (B).
function camelotColour(code) {
  const number = parseInt(code, 10) || 1;
  const minor = /A$/i.test(code);
  return "hsl(" + ((number - 1) * 30) + ", 75%, " + (minor ? "78%" : "62%") + ")";
}

function keyChip(track) {
  const chip = text("span", track.camelot, "key");
  chip.style.background = camelotColour(track.camelot);
  chip.title = track.key;
  return chip;
}

function minutes(seconds) {
  const whole = Math.floor(seconds / 60), rest = Math.round(seconds % 60);
  return whole + ":" + String(rest).padStart(2, "0");
}

// A query string with %20 for spaces (the server does not read "+" as a space).
function queryString(values) {
  return Object.entries(values).filter(([, v]) => v !== "" && v !== null && v !== undefined)
    .map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");
}

function name(track) { return (track.artist ? track.artist + " – " : "") + track.title; }

async function loadHealth() {
  try {
    const health = await api(ROUTE.health);
    $("library-status").textContent = health.tracks + " analysed tracks in the library";
  } catch (error) { $("library-status").textContent = "The library cannot be read: " + error.message; }
}

async function search(page) {
  state.page = Math.max(0, page);
  const parameters = queryString({ query: $("search-query").value, limit: state.pageSize, offset: state.page * state.pageSize,
                                   bpmMin: $("search-bpm-min").value, bpmMax: $("search-bpm-max").value });
  const body = $("search-results").querySelector("tbody");
  try {
    const result = await api(ROUTE.tracks + "?" + parameters);
    state.total = result.total;
    body.replaceChildren();
    for (const track of result.tracks) {
      const row = document.createElement("tr");
      row.append(text("td", name(track)), text("td", track.bpm.toFixed(1), "num"));
      const key = text("td"); key.append(keyChip(track)); row.append(key, text("td", track.energy, "num"));
      const actions = text("td");
      actions.append(button("Seed", () => choose("seed", track), "use-seed"), " ", button("Bridge end", () => choose("end", track), "secondary use-end"));
      row.append(actions);
      body.append(row);
    }
    const pages = Math.max(1, Math.ceil(result.total / state.pageSize));
    $("page-info").textContent = "Page " + (state.page + 1) + " of " + pages + " (" + result.total + " tracks)";
    $("page-previous").disabled = state.page === 0;
    $("page-next").disabled = state.page + 1 >= pages;
  } catch (error) { body.replaceChildren(); $("page-info").textContent = error.message; }
}

function choose(role, track) {
  state[role] = track;
  $(role === "seed" ? "seed-name" : "end-name").textContent = name(track) + " (" + track.bpm.toFixed(1) + " BPM, " + track.camelot + ")";
  $("plan-status").textContent = role === "seed" ? "Seed chosen. Choose the minutes and the energy, then plan." : "Bridge end chosen.";
}

async function plan(kind) {
  if (!state.seed) { $("plan-status").textContent = "Pick a seed track first (search, then Seed)."; return; }
  if (kind === "bridge" && !state.end) { $("plan-status").textContent = "Pick a bridge end too (search, then Bridge end)."; return; }
  const rules = { keyRule: $("plan-key-rule").value };
  const minutesValue = Number($("plan-minutes").value);
  const request = kind === "set"
    ? { seed: String(state.seed.id), minutes: minutesValue, energy: $("plan-energy").value, rules }
    : { from: String(state.seed.id), to: String(state.end.id), minutes: minutesValue, rules };
  $("plan-status").textContent = "Planning…";
  try {
    const set = await api(kind === "set" ? ROUTE.sets : ROUTE.bridges, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
    $("plan-status").textContent = "";
    show(set);
  } catch (error) { $("plan-status").textContent = error.message; $("plan-status").className = "error"; return; }
  $("plan-status").className = "";
}

function show(set) {
  state.set = set;
  $("set-section").hidden = false;
  for (const id of ["transition-player", "mix-player"]) { $(id).pause(); $(id).removeAttribute("src"); $(id).hidden = true; }
  $("render-status").textContent = "";
  $("alternatives").hidden = true;
  $("set-title").textContent = "3. The " + (set.kind === "bridge" ? "bridge" : "set") + " from " + set.seed;
  $("set-note").hidden = !set.note;
  $("set-note").textContent = set.note || "";
  const q = set.quality;
  $("set-summary").textContent = set.tracks.length + " tracks, " + minutes(set.duration) + " long" + (q ?
    " · harmonic " + Math.round(q.harmonicShare * 100) + " % · mean tempo change " + q.meanTempoChangePercent.toFixed(1) +
    " % · energy-arc error " + q.energyArcError.toFixed(2) : "");
  const body = $("set-table").querySelector("tbody");
  body.replaceChildren();
  set.tracks.forEach((track, index) => {
    const row = document.createElement("tr");
    row.append(text("td", index + 1, "num"), text("td", minutes(track.start), "num"), text("td", name(track), "title"),
               text("td", track.bpm.toFixed(1), "num"));
    const key = text("td"); key.append(keyChip(track)); row.append(key, text("td", track.energy, "num"));
    const transition = index > 0 ? set.transitions[index - 1] : null;
    const explanation = text("td", transition ? transition.explanation : "", "explanation");
    if (transition) {
      explanation.prepend(button("▶", () => playTransition(index), "secondary play-transition"));
      explanation.querySelector("button").setAttribute("aria-label", "Play transition " + index + " (about 40 seconds)");
    }
    row.append(explanation);
    const swap = text("td"); swap.append(button("Swap", () => alternatives(index), "secondary swap")); row.append(swap);
    body.append(row);
  });
  const exports = $("exports");
  exports.replaceChildren();
  for (const [format, label] of [["rekordbox", "rekordbox (XML)"], ["traktor", "Traktor (NML)"], ["serato", "Serato (crate)"],
                                 ["m3u8", "M3U8 (Mixxx, any player)"], ["xspf", "XSPF"], ["csv", "CSV"], ["json", "JSON"]]) {
    const link = text("a", label, "button export-" + format);
    link.href = route(ROUTE.export, { id: set.id }) + "?format=" + format;
    link.setAttribute("download", "");
    exports.append(link);
  }
  plot(set);
}

function plot(set) {
  const svg = $("plot"), ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren();
  const width = 900, height = 260, left = 48, right = 40, top = 28, bottom = 30;
  const total = Math.max(1, set.duration, set.kind === "set" && set.targetMinutes ? set.targetMinutes * 60 : 0);
  const x = (seconds) => left + (width - left - right) * seconds / total;
  const bpms = set.tracks.map((t) => t.bpm);
  const low = Math.floor(Math.min(...bpms) - 2), high = Math.ceil(Math.max(...bpms) + 2);
  const yBPM = (bpm) => top + (height - top - bottom) * (1 - (bpm - low) / Math.max(1, high - low));
  const yEnergy = (energy) => top + (height - top - bottom) * (1 - (energy - 1) / 9);
  const add = (tag, attributes, content) => {
    const element = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
    if (content !== undefined) element.textContent = content;
    svg.append(element);
    return element;
  };
  add("line", { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, stroke: "#999" });
  add("text", { x: 4, y: top - 10, "font-size": 12, fill: "#2951c6" }, "BPM");
  add("text", { x: width - right - 12, y: top - 10, "font-size": 12, fill: "#c0392b" }, "energy");
  for (const bpm of [low, Math.round((low + high) / 2), high]) add("text", { x: 4, y: yBPM(bpm) + 4, "font-size": 11, fill: "#2951c6" }, bpm);
  for (const energy of [1, 5, 10]) add("text", { x: width - right + 8, y: yEnergy(energy) + 4, "font-size": 11, fill: "#c0392b" }, energy);
  set.tracks.forEach((track) => {
    const start = x(track.start), end = x(Math.min(total, track.start + track.duration));
    add("rect", { x: start, y: yEnergy(track.energy), width: Math.max(1, end - start - 2), height: height - bottom - yEnergy(track.energy),
                  fill: "rgba(192, 57, 43, 0.16)", class: "energy-bar" });
    const key = add("rect", { x: start, y: 4, width: Math.max(1, end - start - 2), height: 14, fill: camelotColour(track.camelot), class: "key-band" });
    key.append(Object.assign(document.createElementNS(ns, "title"), { textContent: name(track) + ": " + track.camelot + " (" + track.key + ")" }));
    if (end - start > 26) add("text", { x: start + 3, y: 15, "font-size": 10 }, track.camelot);
  });
  if (set.energyTargets) {
    const target = set.energyTargets.map(([f, e]) => x(f * total) + "," + yEnergy(e)).join(" ");
    add("polyline", { points: target, fill: "none", stroke: "#c0392b", "stroke-dasharray": "5 4", class: "energy-target" });
  }
  const bpmLine = set.tracks.map((t) => x(t.start + t.duration / 2) + "," + yBPM(t.bpm)).join(" ");
  add("polyline", { points: bpmLine, fill: "none", stroke: "#2951c6", "stroke-width": 2, class: "bpm-line" });
  set.tracks.forEach((t) => add("circle", { cx: x(t.start + t.duration / 2), cy: yBPM(t.bpm), r: 3, fill: "#2951c6" }));
  for (let m = 0; m <= total / 60; m += total > 3600 ? 30 : 10) add("text", { x: x(m * 60) - 6, y: height - 10, "font-size": 11, fill: "#555" }, m + "′");
}

async function alternatives(position) {
  state.swapPosition = position;
  const panel = $("alternatives"), body = panel.querySelector("tbody");
  $("alternatives-title").textContent = "Alternatives for track " + (position + 1) + ": " + name(state.set.tracks[position]);
  body.replaceChildren();
  panel.hidden = false;
  try {
    const answer = await api(route(ROUTE.alternatives, { id: state.set.id, position }) + "?limit=8");
    if (answer.alternatives.length === 0) body.append(Object.assign(text("tr"), { innerHTML: "" }), text("td", "No track fits between its neighbours."));
    for (const alternative of answer.alternatives) {
      const row = document.createElement("tr");
      row.append(text("td", name(alternative.track)), text("td", alternative.track.bpm.toFixed(1), "num"));
      const key = text("td"); key.append(keyChip(alternative.track)); row.append(key);
      row.append(text("td", Math.round(alternative.score * 100) + " %", "num"));
      const use = text("td"); use.append(button("Use", () => replace(position, alternative.track), "use-alternative")); row.append(use);
      body.append(row);
    }
    const first = body.querySelector("button");
    if (first) first.focus();
  } catch (error) { body.replaceChildren(text("tr")); body.firstChild.append(text("td", error.message, "error")); }
}

async function replace(position, track) {
  try {
    const edited = await api(route(ROUTE.replace, { id: state.set.id }), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ position, track: String(track.id) }) });
    show(edited);
    const swapped = $("set-table").querySelectorAll("tbody tr")[position];
    if (swapped) swapped.querySelector("button.swap").focus();
  } catch (error) { $("plan-status").textContent = error.message; }
}

// Plays about 40 seconds around transition `number` (1 = into the second track), rendered by the server.
function playTransition(number) {
  const player = $("transition-player");
  $("transition-player-label").textContent = "Transition " + number + ": rendering…";
  player.hidden = false;
  player.src = route(ROUTE.transitionPreview, { id: state.set.id, n: number });
  player.oncanplay = () => { $("transition-player-label").textContent = "Transition " + number + " (about 40 s)"; };
  player.onerror = () => { $("transition-player-label").textContent = "Transition " + number + " could not be rendered (are the files on this machine?)"; };
  player.play().catch(() => {});
}

// Renders the whole set as one mix on the server, following its progress, then offers a player.
async function renderMix() {
  const status = $("render-status"), progress = $("render-progress");
  status.className = "";
  try {
    const job = await api(route(ROUTE.render, { id: state.set.id }), { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    progress.hidden = false; progress.value = 0;
    status.textContent = "Rendering…";
    const events = new EventSource(route(ROUTE.renderEvents, { id: job.id }));
    const handle = (message) => {
      const event = JSON.parse(message.data);
      if (event.type === SCAN_EVENT.step && event.total) { progress.max = event.total; progress.value = event.done; status.textContent = event.name + ": " + event.item; }
      if (event.type === SCAN_EVENT.warning) status.textContent = event.message;
      if (event.type === SCAN_EVENT.finished) {
        events.close(); progress.hidden = true; status.textContent = "Done: " + event.message;
        const player = $("mix-player"); player.hidden = false; player.src = route(ROUTE.renderAudio, { id: job.id });
      }
      if (event.type === SCAN_EVENT.failed) { events.close(); progress.hidden = true; status.textContent = "The render failed: " + event.message; status.className = "error"; }
    };
    for (const type of Object.values(SCAN_EVENT)) events.addEventListener(type, handle);
  } catch (error) { status.textContent = error.message; status.className = "error"; }
}

async function scan(folder) {
  const status = $("scan-status"), progress = $("scan-progress");
  try {
    const job = await api(ROUTE.scans, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ folder }) });
    progress.hidden = false; progress.value = 0;
    status.textContent = "Scanning " + job.folder + "…";
    const events = new EventSource(route(ROUTE.scanEvents, { id: job.id }));
    events.onmessage = (message) => handleScanEvent(JSON.parse(message.data), events);
    for (const type of Object.values(SCAN_EVENT)) {
      events.addEventListener(type, (message) => handleScanEvent(JSON.parse(message.data), events));
    }
  } catch (error) { status.textContent = error.message; }
}

function handleScanEvent(event, source) {
  const status = $("scan-status"), progress = $("scan-progress");
  if (event.type === SCAN_EVENT.step && event.total) { progress.max = event.total; progress.value = event.done; status.textContent = event.done + " of " + event.total + ": " + event.item; }
  if (event.type === SCAN_EVENT.warning) status.textContent = "Skipped: " + event.message;
  if (event.type === SCAN_EVENT.finished) { source.close(); progress.value = progress.max; status.textContent = "Done: " + event.message; loadHealth(); }
  if (event.type === SCAN_EVENT.failed) { source.close(); status.textContent = "The scan failed: " + event.message; }
}

document.addEventListener("DOMContentLoaded", () => {
  $("search-form").addEventListener("submit", (event) => { event.preventDefault(); search(0); });
  $("page-previous").addEventListener("click", () => search(state.page - 1));
  $("page-next").addEventListener("click", () => search(state.page + 1));
  $("plan-form").addEventListener("submit", (event) => { event.preventDefault(); plan("set"); });
  $("plan-bridge").addEventListener("click", () => plan("bridge"));
  $("alternatives-close").addEventListener("click", () => { $("alternatives").hidden = true; });
  $("render-mix").addEventListener("click", () => renderMix());
  $("scan-form").addEventListener("submit", (event) => { event.preventDefault(); if ($("scan-folder").value) scan($("scan-folder").value); });
  loadHealth();
  search(0);
});
