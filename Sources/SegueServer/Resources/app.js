"use strict";
const SCAN_EVENT = SEGUE_SCAN_EVENT_TYPES;
const ROUTE = SEGUE_ROUTES;
const DOWN_MESSAGE = "Segue is not running — start it with `segue serve`. Retrying…";
const state = {
  seed: null, end: null, set: null, page: 0, pageSize: 20, total: 0, swapPosition: null, similarTo: null,
  history: [], cursor: -1, name: "", details: new Map(), limits: { minMinutes: 1, maxMinutes: 600, maxSetNameCharacters: 100 },
  platform: "linux", retry: null, dragFrom: null,
};
const $ = (id) => document.getElementById(id);

// A route's path with its {placeholders} filled in, each value URL-encoded.
function route(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(values[name]));
}

// Shows `message` in the status element `id`, coloured by `kind` ("", "info", "ok", "error"); every
// action calls it first, so no stale message stays.
function say(id, message, kind = "") {
  const element = $(id);
  element.textContent = message || "";
  element.className = "status" + (kind ? " " + kind : "");
}

// The server is down: say so in the banner and poll /health until it answers again.
function serverDown() {
  const banner = $("server-status");
  banner.textContent = DOWN_MESSAGE;
  banner.hidden = false;
  if (state.retry) return;
  state.retry = setInterval(async () => {
    try {
      const response = await fetch(ROUTE.health);
      if (!response.ok) return;
      clearInterval(state.retry); state.retry = null;
      banner.hidden = true;
      loadHealth();
    } catch (_) { /* still down */ }
  }, 3000);
}

async function request(path, options = {}) {
  let response;
  try { response = await fetch(path, options); } catch (_) { serverDown(); throw new Error(DOWN_MESSAGE); }
  if (!response.ok) {
    const type = response.headers.get("Content-Type") || "";
    const body = type.includes("json") ? await response.json().catch(() => null) : null;
    const error = new Error((body && body.error) || ("The server answered " + response.status));
    error.status = response.status;
    throw error;
  }
  return response;
}

async function api(path, options = {}) {
  const response = await request(path, options);
  if (response.status === 204) return null;
  return response.json();
}

function post(path, body, method = "POST") {
  return api(path, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  if (content !== undefined && content !== null) element.textContent = content;
  if (className) element.className = className;
  return element;
}

function cell(content, className, label) {
  const element = text("td", content, className);
  if (label) element.dataset.label = label;
  return element;
}

function button(label, onClick, className, ariaLabel) {
  const element = text("button", label, className);
  element.type = "button";
  if (ariaLabel) element.setAttribute("aria-label", ariaLabel);
  element.addEventListener("click", onClick);
  return element;
}

// Camelot colour: the wheel's number sets the hue, minor (A) lighter than major (B).
function camelotColour(code) {
  const number = parseInt(code, 10) || 1;
  const minor = /A$/i.test(code);
  return "hsl(" + ((number - 1) * 30) + ", 75%, " + (minor ? "78%" : "62%") + ")";
}

// The keys that mix with Camelot `code`: itself, ±1 in its mode, and the relative.
function compatibleCamelots(code) {
  const number = parseInt(code, 10), letter = code.slice(-1).toUpperCase();
  if (!number) return [];
  const wrap = (n) => ((n + 11) % 12) + 1;
  return [code.toUpperCase(), wrap(number + 1) + letter, wrap(number - 1) + letter, number + (letter === "A" ? "B" : "A")];
}

function keyChip(track) {
  const chip = text("span", track.camelot || "?", "key");
  chip.style.background = track.camelot ? camelotColour(track.camelot) : "#eee";
  chip.title = track.key || "unknown key";
  return chip;
}

function keyCell(track) { const element = cell(null, null, "Key"); element.append(keyChip(track)); return element; }

// Tempo as DJs read it and as the explanations write it: whole within 0.05 BPM, else one decimal.
function bpm(value) { return Math.abs(value - Math.round(value)) < 0.05 ? String(Math.round(value)) : value.toFixed(1); }

function minutes(seconds) {
  const whole = Math.floor(seconds / 60), rest = Math.floor(seconds % 60);
  return whole + ":" + String(rest).padStart(2, "0");
}

// A query string with %20 for spaces (the server does not read "+" as a space).
function queryString(values) {
  return Object.entries(values).flatMap(([k, v]) => Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])
    .filter(([, v]) => v !== "" && v !== null && v !== undefined)
    .map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");
}

function name(track) { return (track.artist ? track.artist + " – " : "") + track.title; }

// A transition's colour class from its score and explanation.
function fitClass(score, explanation) {
  if (explanation && explanation.includes("key clash")) return "fit-poor";
  return score >= 0.7 ? "fit-good" : score >= 0.5 ? "fit-fair" : "fit-poor";
}

async function loadHealth() {
  try {
    const health = await api(ROUTE.health);
    $("library-status").textContent = health.tracks + " analysed tracks in the library";
    if (health.limits) state.limits = health.limits;
    state.platform = health.platform || state.platform;
    $("plan-minutes").min = state.limits.minMinutes; $("plan-minutes").max = state.limits.maxMinutes;
    $("set-name").maxLength = state.limits.maxSetNameCharacters;
    exportDefaults();
  } catch (error) { $("library-status").textContent = error.message; }
}

// Track details (preview start, overview), fetched once per track.
async function detail(id) {
  if (!state.details.has(id)) state.details.set(id, api(route(ROUTE.track, { id })).catch(() => null));
  return state.details.get(id);
}

// ---- Find ----

function searchParameters() {
  const key = $("search-key").value;
  let keys = [];
  if (key === "compatible") {
    if (!state.seed || !state.seed.camelot) throw new Error("Pick a seed first: “compatible with the seed” needs its key.");
    keys = compatibleCamelots(state.seed.camelot);
  } else if (key) keys = [key];
  return { query: $("search-query").value, limit: state.pageSize, offset: state.page * state.pageSize, key: keys,
           bpmMin: $("search-bpm-min").value, bpmMax: $("search-bpm-max").value, energyMin: $("search-energy-min").value,
           energyMax: $("search-energy-max").value, genre: $("search-genre").value.trim() };
}

async function search(page) {
  state.page = Math.max(0, page);
  const body = $("search-results").querySelector("tbody");
  say("search-status", "");
  try {
    const result = await api(ROUTE.tracks + "?" + queryString(searchParameters()));
    state.total = result.total;
    body.replaceChildren();
    for (const track of result.tracks) body.append(trackRow(track));
    const pages = Math.max(1, Math.ceil(result.total / state.pageSize));
    $("page-info").textContent = "Page " + (state.page + 1) + " of " + pages + " (" + result.total + " tracks)";
    $("page-previous").disabled = state.page === 0;
    $("page-next").disabled = state.page + 1 >= pages;
    if (result.total === 0) say("search-status", "No track matches. Clear a filter or try fewer words.", "info");
  } catch (error) { body.replaceChildren(); $("page-info").textContent = ""; say("search-status", error.message, "error"); }
}

function trackRow(track) {
  const row = document.createElement("tr");
  row.dataset.id = track.id;
  if (state.seed && state.seed.id === track.id) row.classList.add("is-seed");
  if (state.end && state.end.id === track.id) row.classList.add("is-end");
  row.append(cell(name(track), "title"), cell(bpm(track.bpm), "num", "BPM"), keyCell(track), cell(track.energy, "num", "Energy"),
             cell(track.genre || "", null, "Genre"));
  const actions = cell(null, "actions");
  actions.append(button("▶", () => playTrack(track), "secondary icon play-track", "Play " + name(track)),
                 button("Seed", () => choose("seed", track), "use-seed"),
                 button("Bridge end", () => choose("end", track), "secondary use-end"),
                 button("Similar", () => openSimilar(track), "secondary similar"),
                 button("Grid", () => openGrid(track), "secondary grid", "Beat grid and key of " + name(track)));
  if (state.set) actions.append(addToSetButton(track.id));
  row.append(actions);
  return row;
}

// Appends track `id` to the set on show (whatever the set is when it is pressed).
function addToSetButton(id) {
  return button("Add to set", () => edit([{ op: "insert", position: state.set.tracks.length, track: id }]), "secondary add-to-set");
}

function markChosen() {
  for (const row of document.querySelectorAll("#search-results tbody tr, #similar-results tbody tr")) {
    row.classList.toggle("is-seed", !!state.seed && String(state.seed.id) === row.dataset.id);
    row.classList.toggle("is-end", !!state.end && String(state.end.id) === row.dataset.id);
  }
}

function choose(role, track) {
  state[role] = track;
  $(role === "seed" ? "seed-name" : "end-name").textContent = name(track) + " (" + bpm(track.bpm) + " BPM, " + (track.camelot || "?") + ")";
  say("plan-status", role === "seed" ? "Seed chosen. Choose the minutes and the energy, then plan." : "Bridge end chosen.", "info");
  markChosen();
}

// ---- Similar ----

function openSimilar(track) {
  state.similarTo = track;
  $("similar").hidden = false;
  $("similar-title").textContent = "Similar to " + name(track) + " (" + bpm(track.bpm) + " BPM, " + (track.camelot || "?") + ", " + (track.genre || "no genre") + ")";
  findSimilar();
  $("similar-find").focus();
}

async function findSimilar() {
  const track = state.similarTo, body = $("similar-results").querySelector("tbody");
  say("similar-status", "");
  const energy = $("similar-energy").value.trim();
  if (energy && !/^([1-9]|10)(-([1-9]|10))?$/.test(energy)) { say("similar-status", "Energy is one level or MIN-MAX, within 1–10 (e.g. 4-8).", "error"); return; }
  const parameters = { by: "combined", limit: 20, key: $("similar-key").value, bpmTolerance: $("similar-bpm").value,
                       genre: $("similar-genre").value, energy };
  try {
    const answer = await api(route(ROUTE.similarTracks, { id: track.id }) + "?" + queryString(parameters));
    body.replaceChildren();
    for (const item of answer.similar) {
      const row = document.createElement("tr");
      row.dataset.id = item.track.id;
      row.append(cell(name(item.track), "title"), cell(bpm(item.track.bpm), "num", "BPM"), keyCell(item.track),
                 cell(item.track.genre || "", null, "Genre"), cell(Math.round(item.score * 100) + " %", "num", "Match"));
      const actions = cell(null, "actions");
      actions.append(button("▶", () => playTrack(item.track), "secondary icon play-track", "Play " + name(item.track)),
                     button("Seed", () => choose("seed", item.track), "use-seed"),
                     button("Bridge end", () => choose("end", item.track), "secondary use-end"));
      row.append(actions);
      body.append(row);
    }
    markChosen();
    say("similar-status", answer.similar.length ? answer.similar.length + " tracks, most similar first." : "No track passes these filters; loosen one.", "info");
  } catch (error) { body.replaceChildren(); say("similar-status", error.message, "error"); }
}

function similarPreset() {
  const track = state.similarTo;
  $("similar-key").value = "same";
  $("similar-genre").value = "other";
  $("similar-bpm").value = (Math.round(3 / track.bpm * 1000) / 10).toString();
  $("similar-energy").value = "";
  findSimilar();
}

// ---- Listen ----

// Plays a track from its preview start (its drop, or the end of its intro).
async function playTrack(track) {
  const player = $("track-player"), label = $("track-player-label");
  const info = await detail(track.id);
  const start = info && info.previewStart ? info.previewStart : 0;
  player.hidden = false;
  player.src = route(ROUTE.trackAudio, { id: track.id });
  label.textContent = "Loading " + name(track) + "…";
  label.className = "";
  player.onloadedmetadata = () => { player.currentTime = Math.min(start, Math.max(0, player.duration - 5)); };
  player.onplaying = () => { label.textContent = "Playing " + name(track) + " from " + minutes(start); };
  player.onerror = () => { label.textContent = name(track) + " cannot be played here (is its file on this machine, in a format the browser plays?)"; label.className = "error"; };
  player.play().catch(() => {});
}

// Plays about 40 seconds around transition `number` (1 = into the second track), rendered by the server.
function playTransition(number) {
  const player = $("transition-player"), label = $("transition-player-label");
  label.textContent = "Transition " + number + ": rendering…";
  label.className = "";
  player.hidden = false;
  player.src = route(ROUTE.transitionPreview, { id: state.set.id, n: number });
  player.oncanplay = () => { label.textContent = "Transition " + number + " (about 40 s)"; };
  player.onerror = () => { label.textContent = "Transition " + number + " could not be rendered (are the files on this machine?)"; label.className = "error"; };
  player.play().catch(() => {});
}

// What the self-check of a transition's beats measured from the audio, and what was done.
function alignmentText(alignment) {
  const lag = (alignment.lagMilliseconds >= 0 ? "+" : "") + Math.round(alignment.lagMilliseconds) + " ms";
  if (alignment.action === "aligned") return "Beats checked from the audio: together (" + lag + ")";
  return "Beats could not be verified from the audio: " + (alignment.fallback || "echo-out") + " instead of a blend";
}

// ---- Beat grid: the DJ's corrections (PATCH /tracks/{id}), a metronome, tap tempo ----

const grid = { track: null, info: null, taps: [], audio: null, timer: null, nextBeat: null };

async function openGrid(track) {
  grid.track = track;
  grid.taps = [];
  $("grid-editor").hidden = false;
  $("grid-title").textContent = "Beat grid and key: " + name(track);
  say("grid-status", "");
  state.details.delete(track.id);
  grid.info = await detail(track.id);
  showGrid();
  $("grid-editor").scrollIntoView({ block: "nearest" });
}

// Bar 1 of a track's detail: its first downbeat, or its first beat when the bars are unknown.
function barOne(info) { return info.structure ? info.structure.downbeat : info.firstBeat; }

// Whether the track player is playing the track open in the grid editor.
function playingGridTrack() {
  const player = $("track-player");
  return grid.track && !player.hidden && player.src.includes("/tracks/" + grid.track.id + "/");
}

function showGrid() {
  const info = grid.info;
  if (!info) { say("grid-status", "This track has no analysis.", "error"); return; }
  const bar = barOne(info);
  let line = bpm(info.bpm) + " BPM · first beat " + info.firstBeat.toFixed(3) + " s · bar 1 at " + bar.toFixed(3) + " s · " + info.camelot + " " + info.key;
  if (info.overrides) {
    line += info.overrides.needsReview ? " · your corrections are NOT applied: the file changed since (set them again)" : " · corrected by you";
    if (info.measured) line += " (analysis: " + bpm(info.measured.bpm) + " BPM, " + info.measured.camelot + ")";
  }
  $("grid-values").textContent = line;
  $("grid-bpm").value = info.bpm.toFixed(2);
  $("grid-key").value = info.camelot;
}

async function patchGrid(body, done) {
  if (!grid.track) return;
  try {
    grid.info = await post(route(ROUTE.track, { id: grid.track.id }), body, "PATCH");
    state.details.set(grid.track.id, Promise.resolve(grid.info));
    showGrid();
    say("grid-status", done + " Sets planned from now on, renders and exports use it.", "ok");
  } catch (error) {
    say("grid-status", error.message, "error");
  }
}

function wrap(time, period) { return ((time % period) + period) % period; }

function shiftGrid(seconds) {
  const info = grid.info;
  if (!info) return;
  const beat = 60 / info.bpm, bar = barOne(info);
  patchGrid({ firstBeat: wrap(info.firstBeat + seconds, beat), downbeat: wrap(bar + seconds, 4 * beat) },
            "Grid moved " + (seconds >= 0 ? "later" : "earlier") + " by " + Math.abs(Math.round(seconds * 1000)) + " ms.");
}

function tap() {
  const now = performance.now() / 1000;
  if (grid.taps.length && now - grid.taps[grid.taps.length - 1] > 2) grid.taps = [];
  grid.taps.push(now);
  grid.taps = grid.taps.slice(-9);
  if (grid.taps.length < 3) { say("grid-status", "Keep tapping…"); return; }
  const span = grid.taps[grid.taps.length - 1] - grid.taps[0];
  const tapped = 60 * (grid.taps.length - 1) / span;
  $("grid-bpm").value = tapped.toFixed(2);
  say("grid-status", "Tapped " + tapped.toFixed(1) + " BPM over " + grid.taps.length + " taps; press Set to keep it.");
}

// A click on every beat of the grid while the track player plays (the bar's first beat higher),
// scheduled ahead on the Web Audio clock from the player's position.
function metronome(on) {
  if (grid.timer) { clearInterval(grid.timer); grid.timer = null; }
  if (!on) return;
  const player = $("track-player");
  grid.audio = grid.audio || new AudioContext();
  grid.timer = setInterval(() => {
    const info = grid.info;
    if (!info || player.paused || !playingGridTrack()) return;
    const beat = 60 / info.bpm, bar = barOne(info);
    const now = player.currentTime, ahead = 0.12;
    const first = Math.ceil((now - info.firstBeat) / beat - 1e-6);
    for (let n = first; info.firstBeat + n * beat < now + ahead; n++) {
      const time = info.firstBeat + n * beat;
      if (grid.nextBeat !== null && time <= grid.nextBeat + 1e-6) continue;
      grid.nextBeat = time;
      const when = grid.audio.currentTime + (time - now) / player.playbackRate;
      const accent = Math.abs(wrap(time - bar + beat / 2, 4 * beat) - beat / 2) < 0.01;
      const oscillator = grid.audio.createOscillator(), gain = grid.audio.createGain();
      oscillator.frequency.value = accent ? 1760 : 1320;
      gain.gain.setValueAtTime(0.3, when);
      gain.gain.exponentialRampToValueAtTime(0.001, when + 0.04);
      oscillator.connect(gain).connect(grid.audio.destination);
      oscillator.start(when);
      oscillator.stop(when + 0.05);
    }
  }, 40);
}

function wireGrid() {
  for (const element of $("grid-editor").querySelectorAll("[data-times]")) {
    element.addEventListener("click", () => {
      if (!grid.info) return;
      const times = Number(element.dataset.times);
      patchGrid({ bpm: Math.round(grid.info.bpm * times * 100) / 100 }, "Tempo " + element.textContent + ".");
    });
  }
  for (const element of $("grid-editor").querySelectorAll("[data-shift-ms]")) {
    element.addEventListener("click", () => shiftGrid(Number(element.dataset.shiftMs) / 1000));
  }
  for (const element of $("grid-editor").querySelectorAll("[data-shift-beats]")) {
    element.addEventListener("click", () => { if (grid.info) shiftGrid(Number(element.dataset.shiftBeats) * 60 / grid.info.bpm); });
  }
  $("grid-bpm-set").addEventListener("click", () => patchGrid({ bpm: Number($("grid-bpm").value) }, "Tempo set."));
  $("grid-tap").addEventListener("click", tap);
  $("grid-key-set").addEventListener("click", () => patchGrid({ key: $("grid-key").value.trim() }, "Key set."));
  $("grid-downbeat").addEventListener("click", () => {
    const player = $("track-player");
    if (!playingGridTrack()) {
      say("grid-status", "Play the track with ▶ first, then press this on the first beat of a bar.", "error");
      return;
    }
    patchGrid({ downbeat: player.currentTime }, "Bar 1 is at " + player.currentTime.toFixed(3) + " s.");
  });
  $("grid-reset").addEventListener("click", () => patchGrid({ bpm: null, firstBeat: null, downbeat: null, key: null }, "Back to the analysis."));
  $("grid-metronome").addEventListener("change", (event) => metronome(event.target.checked));
  $("track-player").addEventListener("seeked", () => { grid.nextBeat = null; });
  $("grid-close").addEventListener("click", () => { $("grid-editor").hidden = true; $("grid-metronome").checked = false; metronome(false); });
}

// ---- Plan ----

function checkMinutes(value) {
  const { minMinutes, maxMinutes } = state.limits;
  if (!Number.isFinite(value) || value < minMinutes || value > maxMinutes) {
    throw new Error("Minutes must be between " + minMinutes + " and " + maxMinutes + " (the server's limit).");
  }
}

async function plan(kind) {
  say("plan-status", "");
  if (!state.seed) { say("plan-status", "Pick a seed track first (search, then Seed).", "error"); return; }
  if (kind === "bridge" && !state.end) { say("plan-status", "Pick a bridge end too (search, then Bridge end).", "error"); return; }
  const rules = { keyRule: $("plan-key-rule").value };
  const minutesValue = Number($("plan-minutes").value);
  try { checkMinutes(minutesValue); } catch (error) { say("plan-status", error.message, "error"); return; }
  const body = kind === "set"
    ? { seed: state.seed.id, minutes: minutesValue, energy: $("plan-energy").value, rules }
    : { from: state.seed.id, to: state.end.id, minutes: minutesValue, rules };
  say("plan-status", "Planning…", "info");
  try {
    const set = await post(kind === "set" ? ROUTE.sets : ROUTE.bridges, body);
    say("plan-status", kind === "set" ? "Planned." : "Bridged.", "ok");
    state.history = []; state.cursor = -1; state.name = "";
    pushVersion(set);
  } catch (error) { say("plan-status", error.message, "error"); }
}

// ---- The set, its versions and edits ----

// Shows `set` as a new version: undo goes back to the one before.
function pushVersion(set) {
  state.history = state.history.slice(0, state.cursor + 1);
  state.history.push(set.id);
  state.cursor = state.history.length - 1;
  show(set);
}

function updateLocation(id) {
  const url = new URL(window.location.href);
  url.searchParams.set("set", id);
  window.history.replaceState(null, "", url);
}

async function goTo(cursor) {
  if (cursor < 0 || cursor >= state.history.length) return;
  say("set-status", "");
  try {
    const set = await api(route(ROUTE.set, { id: state.history[cursor] }));
    state.cursor = cursor;
    show(set);
    say("set-status", "Back to version " + (cursor + 1) + " of " + state.history.length + ".", "info");
  } catch (error) { say("set-status", error.message, "error"); }
}

// Applies `operations` on the server; the answer is the set measured again, under a new id.
async function edit(operations, focus) {
  if (!state.set) return;
  say("set-status", "");
  try {
    const edited = await post(route(ROUTE.edit, { id: state.set.id }), { operations });
    pushVersion(edited);
    say("set-status", "Edited: transitions and quality measured again." + (state.name ? " Save to keep it as “" + state.name + "”." : ""), "ok");
    if (focus) { const target = document.querySelector(focus); if (target) target.focus(); }
  } catch (error) { say("set-status", error.message, "error"); }
}

function move(from, to) {
  if (to < 0 || to >= state.set.tracks.length || from === to) return;
  edit([{ op: "move", from, to }], "#set-table tbody tr:nth-child(" + (to + 1) + ") button.move-" + (to > from ? "down" : "up"));
}

function show(set) {
  state.set = set;
  if (set.name) { state.name = set.name; }
  $("set-name").value = state.name;
  updateLocation(set.id);
  $("set-section").hidden = false;
  for (const id of ["transition-player", "mix-player"]) { $(id).pause(); $(id).removeAttribute("src"); $(id).hidden = true; }
  say("render-status", "");
  $("alternatives").hidden = true;
  $("undo").disabled = state.cursor <= 0;
  $("redo").disabled = state.cursor >= state.history.length - 1;
  const pinned = set.tracks.some((t, i) => t.pinned && i > 0);
  $("replan").hidden = set.kind !== "set" || !pinned;
  $("set-title").textContent = "3. " + (set.name ? "“" + set.name + "”: the " : "The ") + (set.kind === "bridge" ? "bridge" : "set") + " from " + set.seed;
  $("set-note").hidden = !set.note;
  $("set-note").textContent = set.note || "";
  $("set-summary").textContent = summary(set);
  const body = $("set-table").querySelector("tbody");
  body.replaceChildren();
  set.tracks.forEach((track, index) => body.append(setRow(set, track, index)));
  drawOverviews(set);
  renderExports();
  plot(set);
  for (const row of document.querySelectorAll("#search-results tbody tr")) {
    const actions = row.querySelector("td.actions");
    if (actions && !actions.querySelector(".add-to-set")) {
      actions.append(addToSetButton(Number(row.dataset.id)));
    }
  }
}

function summary(set) {
  const q = set.quality;
  let line = set.tracks.length + " tracks, " + minutes(set.duration) + " long";
  if (set.kind === "bridge" && set.tracks.length > 2) {
    const between = set.tracks[set.tracks.length - 1].start - set.tracks[1].start;
    line += " with both ends; " + minutes(between) + " of music between them" + (set.targetMinutes ? " (asked for " + minutes(set.targetMinutes * 60) + ")" : "");
  }
  if (q) {
    line += " · harmonic " + Math.round(q.harmonicShare * 100) + " % · mean tempo change " + q.meanTempoChangePercent.toFixed(1) + " %";
    if (set.energyTargets && q.energyArcError !== undefined) line += " · energy-arc error " + q.energyArcError.toFixed(2);
  }
  return line;
}

function setRow(set, track, index) {
  const row = document.createElement("tr");
  row.dataset.position = index;
  row.dataset.id = track.id;
  row.tabIndex = 0;
  row.draggable = true;
  if (track.pinned) row.classList.add("pinned");
  const title = cell(name(track), "title");
  row.append(cell(index + 1, "num", "#"), cell(minutes(track.start), "num", "Start"), title, cell(bpm(track.bpm), "num", "BPM"),
             keyCell(track), cell(track.energy, "num", "Energy"));
  const transition = index > 0 ? set.transitions[index - 1] : null;
  const explanation = cell(transition ? transition.explanation : "", "explanation");
  if (transition) {
    explanation.classList.add(fitClass(transition.score, transition.explanation));
    explanation.prepend(button("▶", () => playTransition(index), "secondary play-transition", "Play transition " + index + " (about 40 seconds)"));
    const alignment = transition.mix && transition.mix.alignment;
    if (alignment) explanation.append(text("div", alignmentText(alignment), "explanation alignment alignment-" + alignment.action));
  }
  row.append(explanation);
  const actions = cell(null, "actions");
  const label = name(track);
  const pin = button(track.pinned ? "Pinned" : "Pin", () => edit([{ op: "pin", position: index, pinned: !track.pinned }], "#set-table tbody tr:nth-child(" + (index + 1) + ") button.pin"),
                     "secondary icon pin", (track.pinned ? "Unpin " : "Pin ") + label);
  pin.setAttribute("aria-pressed", track.pinned ? "true" : "false");
  const up = button("▲", () => move(index, index - 1), "secondary icon move-up", "Move up " + label);
  const down = button("▼", () => move(index, index + 1), "secondary icon move-down", "Move down " + label);
  up.disabled = index === 0; down.disabled = index === set.tracks.length - 1;
  actions.append(button("▶", () => playTrack(track), "secondary icon play-track", "Play " + label),
                 button("Grid", () => openGrid(track), "secondary grid", "Beat grid and key of " + label), up, down, pin,
                 button("Swap", () => alternatives(index), "secondary swap"),
                 button("✕", () => edit([{ op: "delete", position: index }]), "secondary icon delete", "Delete " + label));
  row.append(actions);
  row.addEventListener("keydown", (event) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    move(index, index + (event.key === "ArrowUp" ? -1 : 1));
  });
  row.addEventListener("dragstart", (event) => { state.dragFrom = index; row.classList.add("dragging"); event.dataTransfer.effectAllowed = "move"; event.dataTransfer.setData("text/plain", String(index)); });
  row.addEventListener("dragend", () => row.classList.remove("dragging"));
  row.addEventListener("dragover", (event) => { event.preventDefault(); row.classList.add("drop-target"); });
  row.addEventListener("dragleave", () => row.classList.remove("drop-target"));
  row.addEventListener("drop", (event) => { event.preventDefault(); row.classList.remove("drop-target"); if (state.dragFrom !== null) move(state.dragFrom, index); state.dragFrom = null; });
  return row;
}

// A small loudness overview under each track's title, from the analysis, and what Spotify says
// about the track when a playlist export brought it.
async function drawOverviews(set) {
  const rows = $("set-table").querySelectorAll("tbody tr");
  await Promise.all(set.tracks.map(async (track, index) => {
    const info = await detail(track.id);
    if (!info || state.set !== set || !rows[index]) return;
    const title = rows[index].querySelector("td.title");
    const points = info.structure && info.structure.overview;
    if (points) {
      const ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", "0 0 " + points.length + " 20");
      svg.setAttribute("preserveAspectRatio", "none");
      svg.setAttribute("class", "overview");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "Loudness over the track");
      const shape = points.map((v, i) => i + "," + (10 - v / 10)).concat(points.map((v, i) => i + "," + (10 + v / 10)).reverse());
      const polygon = document.createElementNS(ns, "polygon");
      polygon.setAttribute("points", shape.join(" "));
      polygon.setAttribute("fill", "#7b8fd6");
      svg.append(polygon);
      title.append(svg);
    }
    const service = serviceText(info);
    if (service) title.append(text("div", service, "explanation service"));
  }));
}

async function alternatives(position) {
  state.swapPosition = position;
  const panel = $("alternatives"), body = panel.querySelector("tbody");
  $("alternatives-title").textContent = "Alternatives for track " + (position + 1) + ": " + name(state.set.tracks[position]);
  body.replaceChildren();
  panel.hidden = false;
  try {
    const answer = await api(route(ROUTE.alternatives, { id: state.set.id, position }) + "?limit=8");
    if (answer.alternatives.length === 0) { const row = text("tr"); row.append(cell("No track fits between its neighbours.")); body.append(row); }
    for (const alternative of answer.alternatives) {
      const row = document.createElement("tr");
      row.append(cell(name(alternative.track), "title"), cell(bpm(alternative.track.bpm), "num", "BPM"), keyCell(alternative.track));
      const transitions = [alternative.incoming, alternative.outgoing].filter(Boolean);
      const clash = transitions.some((t) => t.explanation.includes("key clash"));
      const fit = cell(Math.round(alternative.score * 100) + " %", "num " + fitClass(alternative.score, clash ? "key clash" : ""), "Fit");
      if (clash) fit.append(text("span", "would clash", "badge"));
      row.append(fit);
      const explanations = cell(null, "explanation", "Transitions");
      for (const [label, transition] of [["In: ", alternative.incoming], ["Out: ", alternative.outgoing]]) {
        if (!transition) continue;
        explanations.append(text("div", label + transition.explanation, fitClass(transition.score, transition.explanation)));
      }
      row.append(explanations);
      const use = cell(null, "actions");
      use.append(button("Use", () => edit([{ op: "replace", position, track: alternative.track.id }], "#set-table tbody tr:nth-child(" + (position + 1) + ") button.swap"), "use-alternative"),
                 button("Insert before", () => edit([{ op: "insert", position, track: alternative.track.id }]), "secondary insert-alternative"),
                 button("▶", () => playTrack(alternative.track), "secondary icon play-track", "Play " + name(alternative.track)));
      row.append(use);
      body.append(row);
    }
    const first = body.querySelector("button");
    if (first) first.focus();
  } catch (error) { body.replaceChildren(text("tr")); body.firstChild.append(cell(error.message, "error")); }
}

async function save(event) {
  event.preventDefault();
  const wanted = $("set-name").value.trim();
  say("set-status", "");
  if (!wanted) { say("set-status", "Give the set a name first.", "error"); $("set-name").focus(); return; }
  if (wanted.length > state.limits.maxSetNameCharacters) { say("set-status", "A name has at most " + state.limits.maxSetNameCharacters + " characters.", "error"); return; }
  try {
    // Saving this set's own name again moves it to this version; a name another set holds is
    // taken only after the DJ says so (the server answers 409).
    let saved;
    try {
      saved = await post(route(ROUTE.set, { id: state.set.id }), { name: wanted, replace: wanted === state.name }, "PATCH");
    } catch (error) {
      if (error.status !== 409 || !confirm("Another saved set is already called “" + wanted + "”. Replace it?")) throw error;
      saved = await post(route(ROUTE.set, { id: state.set.id }), { name: wanted, replace: true }, "PATCH");
    }
    state.name = saved.name;
    show(saved);
    say("set-status", "Saved as “" + saved.name + "”. Reopen it from Saved sets, or with this page's address.", "ok");
    loadSaved();
  } catch (error) { say("set-status", error.message, "error"); }
}

// Plans the set again from its first track, keeping every pinned track at its position.
async function replan() {
  const set = state.set, pins = {};
  set.tracks.forEach((track, index) => { if (index > 0 && track.pinned) pins[index] = track.id; });
  say("set-status", "Planning around the pins…", "info");
  try {
    const body = { seed: set.tracks[0].id, minutes: set.targetMinutes || Math.max(1, Math.round(set.duration / 60)), pins,
                   energy: set.energyTargets || "flat", rules: { keyRule: $("plan-key-rule").value } };
    const planned = await post(ROUTE.sets, body);
    const pinnedPositions = Object.keys(pins).map(Number);
    const edited = pinnedPositions.length && planned.tracks.length > Math.max(...pinnedPositions)
      ? await post(route(ROUTE.edit, { id: planned.id }), { operations: pinnedPositions.map((position) => ({ op: "pin", position })) })
      : planned;
    pushVersion(edited);
    say("set-status", "Planned again; the pinned tracks kept their places.", "ok");
  } catch (error) { say("set-status", error.message, "error"); }
}

// ---- Plot ----

function plot(set) {
  const svg = $("plot"), ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren();
  const width = 900, height = 270, left = 48, right = 40, top = 44, bottom = 30;
  const total = Math.max(1, set.duration, set.kind === "set" && set.targetMinutes ? set.targetMinutes * 60 : 0);
  const x = (seconds) => left + (width - left - right) * seconds / total;
  // Half and double time are drawn as such: each tempo in the octave nearest the one before it.
  const felt = [];
  set.tracks.forEach((track, index) => {
    if (index === 0) { felt.push({ value: track.bpm, factor: 1 }); return; }
    const previous = felt[index - 1].value;
    const best = [1, 0.5, 2].map((factor) => ({ value: track.bpm * factor, factor }))
      .reduce((a, b) => Math.abs(Math.log(b.value / previous)) < Math.abs(Math.log(a.value / previous)) - 0.01 ? b : a);
    felt.push(best);
  });
  const values = felt.map((f) => f.value);
  const low = Math.floor(Math.min(...values) - 2), high = Math.ceil(Math.max(...values) + 2);
  const yBPM = (value) => top + (height - top - bottom) * (1 - (value - low) / Math.max(1, high - low));
  const yEnergy = (energy) => top + (height - top - bottom) * (1 - (energy - 1) / 9);
  const add = (tag, attributes, content) => {
    const element = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
    if (content !== undefined) element.textContent = content;
    svg.append(element);
    return element;
  };
  add("line", { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, stroke: "#999" });
  add("text", { x: 4, y: top - 8, "font-size": 12, fill: "#2951c6" }, "BPM");
  add("text", { x: width - right - 30, y: top - 8, "font-size": 12, fill: "#c0392b" }, "energy");
  for (const value of [low, Math.round((low + high) / 2), high]) add("text", { x: 4, y: yBPM(value) + 4, "font-size": 11, fill: "#2951c6" }, value);
  for (const energy of [1, 5, 10]) add("text", { x: width - right + 8, y: yEnergy(energy) + 4, "font-size": 11, fill: "#c0392b" }, energy);
  set.tracks.forEach((track) => {
    const start = x(track.start), end = x(Math.min(total, track.start + track.duration));
    add("rect", { x: start, y: yEnergy(track.energy), width: Math.max(1, end - start - 2), height: height - bottom - yEnergy(track.energy),
                  fill: "rgba(192, 57, 43, 0.16)", class: "energy-bar" });
    const key = add("rect", { x: start, y: 4, width: Math.max(1, end - start - 2), height: 16, fill: track.camelot ? camelotColour(track.camelot) : "#ddd", class: "key-band" });
    key.append(Object.assign(document.createElementNS(ns, "title"), { textContent: name(track) + ": " + track.camelot + " (" + track.key + ")" }));
    if (end - start > 26) add("text", { x: start + 3, y: 16, "font-size": 10 }, track.camelot);
  });
  if (set.energyTargets) {
    const target = set.energyTargets.map(([f, e]) => x(f * total) + "," + yEnergy(e)).join(" ");
    add("polyline", { points: target, fill: "none", stroke: "#c0392b", "stroke-dasharray": "5 4", class: "energy-target" });
  }
  const centre = (t) => x(t.start + t.duration / 2);
  const bpmLine = set.tracks.map((t, i) => centre(t) + "," + yBPM(felt[i].value)).join(" ");
  add("polyline", { points: bpmLine, fill: "none", stroke: "#2951c6", "stroke-width": 2, class: "bpm-line" });
  set.tracks.forEach((t, i) => {
    const dot = add("circle", { cx: centre(t), cy: yBPM(felt[i].value), r: 3, fill: "#2951c6" });
    dot.append(Object.assign(document.createElementNS(ns, "title"), { textContent: name(t) + ": " + bpm(t.bpm) + " BPM" }));
    if (felt[i].factor !== 1) {
      add("text", { x: centre(t) + 5, y: yBPM(felt[i].value) - 6, "font-size": 11, fill: "#2951c6", class: "half-double" },
          (felt[i].factor === 0.5 ? "double time " : "half time ") + bpm(t.bpm));
    }
  });
  for (let m = 0; m <= total / 60; m += total > 3600 ? 30 : 10) add("text", { x: x(m * 60) - 6, y: height - 10, "font-size": 11, fill: "#555" }, m + "′");
  $("plot-caption").textContent = "BPM (line; half- and double-time tracks drawn at the tempo they mix at), energy (bars" +
    (set.energyTargets ? ", the planned arc dashed" : "") + ") and key (Camelot colours) over the set's time.";
}

// ---- Downloads ----

function exportDefaults() {
  if (!$("export-volume").value) $("export-volume").value = state.platform === "windows" ? "C:" : "Macintosh HD";
  $("export-hint").textContent = state.platform === "linux"
    ? "Traktor and rekordbox run on macOS and Windows: if the files will be on a Mac, map this machine's music folder to the Mac's with a path prefix (FROM=TO); Traktor's volume is the Mac's disk name."
    : "A path prefix (FROM=TO) rewrites where the files are for another machine.";
}

function exportQuery(format) {
  const parameters = { format, name: $("export-name").value.trim() };
  if (format === "traktor") parameters.volume = $("export-volume").value.trim();
  const prefix = $("export-prefix").value.trim();
  if (prefix) parameters.pathPrefix = prefix;
  return queryString(parameters);
}

function renderExports() {
  const exports = $("exports");
  exports.replaceChildren();
  for (const [format, label] of [["rekordbox", "rekordbox (XML)"], ["traktor", "Traktor (NML)"], ["serato", "Serato (crate)"],
                                 ["m3u8", "M3U8 (Mixxx, any player)"], ["xspf", "XSPF"], ["csv", "CSV"], ["json", "JSON"]]) {
    exports.append(button(label, () => download(format), "export-" + format));
  }
}

// Fetches the export and hands it to the browser as a download, so a failure is shown, not lost.
async function download(format) {
  say("export-status", "");
  if ($("export-prefix").value.trim() && !$("export-prefix").value.includes("=")) { say("export-status", "A path prefix is FROM=TO, e.g. /home/me/Music=/Users/me/Music.", "error"); return; }
  try {
    const response = await request(route(ROUTE.export, { id: state.set.id }) + "?" + exportQuery(format));
    const blob = await response.blob();
    const disposition = response.headers.get("Content-Disposition") || "";
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition), plain = /filename="([^"]+)"/.exec(disposition);
    const fileName = encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : "segue-set." + format;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say("export-status", "Downloaded " + fileName + ".", "ok");
  } catch (error) { say("export-status", error.message, "error"); }
}

// ---- Saved sets ----

async function loadSaved() {
  const body = $("saved-sets").querySelector("tbody");
  try {
    const answer = await api(ROUTE.sets);
    body.replaceChildren();
    say("saved-status", answer.sets.length ? "" : "No saved sets yet: plan one, name it and press Save.", "info");
    for (const saved of answer.sets) {
      const row = document.createElement("tr");
      row.dataset.id = saved.id;
      row.append(cell(saved.name, "title"), cell(saved.tracks + " tracks", "num", ""), cell(minutes(saved.duration), "num", ""),
                 cell(new Date(saved.savedAt).toLocaleString(), null, "Saved"));
      const actions = cell(null, "actions");
      actions.append(button("Open", () => openSaved(saved.id), "open-saved"),
                     button("Duplicate", () => duplicate(saved), "secondary duplicate-saved"),
                     button("Delete", () => removeSaved(saved), "secondary delete-saved"));
      row.append(actions);
      body.append(row);
    }
  } catch (error) { say("saved-status", error.message, "error"); }
}

async function openSaved(id) {
  say("saved-status", "");
  try {
    const set = await api(route(ROUTE.set, { id }));
    state.history = []; state.cursor = -1; state.name = set.name || "";
    pushVersion(set);
    $("set-section").scrollIntoView({ block: "start" });
  } catch (error) { say("saved-status", error.message, "error"); }
}

async function duplicate(saved) {
  say("saved-status", "");
  try {
    const copy = await post(route(ROUTE.edit, { id: saved.id }), { operations: [], name: (saved.name + " (copy)").slice(0, state.limits.maxSetNameCharacters) });
    say("saved-status", "Saved a copy as “" + copy.name + "”.", "ok");
    loadSaved();
  } catch (error) { say("saved-status", error.message, "error"); }
}

async function removeSaved(saved) {
  say("saved-status", "");
  try {
    await api(route(ROUTE.set, { id: saved.id }), { method: "DELETE" });
    say("saved-status", "Deleted “" + saved.name + "”.", "ok");
    loadSaved();
  } catch (error) { say("saved-status", error.message, "error"); }
}

// ---- Playlists ----

// What a service says, in a DJ's words: "Spotify: 128 BPM · 8A · energy 0.82".
function serviceText(info) {
  if (!info || !info.services || info.services.length === 0) return "";
  return info.services.map((s) => s.service.charAt(0).toUpperCase() + s.service.slice(1) + ": " +
    [s.bpm ? bpm(s.bpm) + " BPM" : null, s.camelot || null, s.energy !== undefined ? "energy " + s.energy.toFixed(2) : null]
      .filter(Boolean).join(" · ")).join("; ");
}

async function importPlaylist(event) {
  event.preventDefault();
  const file = $("import-file").files[0], body = $("import-results").querySelector("tbody");
  say("import-status", "");
  body.replaceChildren();
  if (!file) { say("import-status", "Choose a playlist file first.", "error"); return; }
  const dot = file.name.lastIndexOf("."), format = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : "";
  const known = ["csv", "txt", "text", "m3u", "m3u8", "xml", "nml", "crate", "xspf", "json"];
  if (!known.includes(format)) { say("import-status", file.name + ": Segue reads ." + known.join(", .") + " files.", "error"); return; }
  say("import-status", "Importing " + file.name + "…", "info");
  try {
    const report = await api(ROUTE.tracklists + "?" + queryString({ format, name: file.name.slice(0, dot) }),
                             { method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: file });
    say("import-status", file.name + ": " + report.matched + " tracks matched to your library, " + report.unmatched + " not in it" +
        (report.serviceFeatures ? "; Spotify's numbers kept for " + report.serviceFeatures : "") + ".", report.matched ? "ok" : "error");
    // The import may have brought Spotify's numbers: read the tracks again.
    for (const id of report.matchedTrackIds) state.details.delete(id);
    for (const id of report.matchedTrackIds.slice(0, 20)) {
      const info = await detail(id);
      if (!info) continue;
      const track = info.track, row = document.createElement("tr");
      row.dataset.id = track.id;
      row.append(cell(name(track), "title"), cell(bpm(track.bpm), "num", "BPM"), keyCell(track), cell(serviceText(info), "explanation service", ""));
      const actions = cell(null, "actions");
      actions.append(button("▶", () => playTrack(track), "secondary icon play-track", "Play " + name(track)),
                     button("Seed", () => choose("seed", track), "use-seed"));
      row.append(actions);
      body.append(row);
    }
    loadHealth();
  } catch (error) { say("import-status", error.message, "error"); }
}

// ---- Render and scan ----

// Renders the whole set as one mix on the server, following its progress, then offers a player.
async function renderMix() {
  const progress = $("render-progress");
  say("render-status", "");
  try {
    const job = await post(route(ROUTE.render, { id: state.set.id }), {});
    progress.hidden = false; progress.value = 0;
    say("render-status", "Rendering…", "info");
    const events = new EventSource(route(ROUTE.renderEvents, { id: job.id }));
    const handle = (message) => {
      const event = JSON.parse(message.data);
      if (event.type === SCAN_EVENT.step && event.total) { progress.max = event.total; progress.value = event.done; say("render-status", event.name + ": " + event.item, "info"); }
      if (event.type === SCAN_EVENT.warning) say("render-status", event.message, "error");
      if (event.type === SCAN_EVENT.finished) {
        events.close(); progress.hidden = true; say("render-status", "Done: " + event.message, "ok");
        const player = $("mix-player"); player.hidden = false; player.src = route(ROUTE.renderAudio, { id: job.id });
      }
      if (event.type === SCAN_EVENT.failed) { events.close(); progress.hidden = true; say("render-status", "The render failed: " + event.message, "error"); }
    };
    for (const type of Object.values(SCAN_EVENT)) events.addEventListener(type, handle);
    events.onerror = () => { if (events.readyState === EventSource.CLOSED) return; events.close(); progress.hidden = true; serverDown(); say("render-status", DOWN_MESSAGE, "error"); };
  } catch (error) { say("render-status", error.message, "error"); }
}

async function scan(folder) {
  const progress = $("scan-progress");
  say("scan-status", "");
  $("scan-warnings").replaceChildren();
  try {
    const job = await post(ROUTE.scans, { folder });
    progress.hidden = false; progress.value = 0;
    say("scan-status", "Scanning " + job.folder + "…", "info");
    const events = new EventSource(route(ROUTE.scanEvents, { id: job.id }));
    for (const type of Object.values(SCAN_EVENT)) {
      events.addEventListener(type, (message) => handleScanEvent(JSON.parse(message.data), events, job.folder));
    }
    events.onerror = () => { if (events.readyState === EventSource.CLOSED) return; events.close(); serverDown(); say("scan-status", DOWN_MESSAGE, "error"); };
  } catch (error) { say("scan-status", error.message, "error"); }
}

function handleScanEvent(event, source, folder) {
  const progress = $("scan-progress");
  if (event.type === SCAN_EVENT.step && event.total) { progress.max = event.total; progress.value = event.done; say("scan-status", event.done + " of " + event.total + ": " + event.item, "info"); }
  if (event.type === SCAN_EVENT.warning) $("scan-warnings").append(text("li", event.message));
  if (event.type === SCAN_EVENT.finished) {
    source.close(); progress.value = progress.max;
    if (event.total === 0) say("scan-status", "No audio files in " + folder + ". Segue reads WAV, FLAC, OGG, MP3 and AIFF; check the folder.", "error");
    else say("scan-status", "Done: " + event.message, $("scan-warnings").children.length ? "error" : "ok");
    loadHealth();
  }
  if (event.type === SCAN_EVENT.failed) { source.close(); say("scan-status", "The scan failed: " + event.message, "error"); }
}

// ---- Start ----

function closePanels() {
  for (const id of ["alternatives", "similar"]) {
    if ($(id).hidden) continue;
    $(id).hidden = true;
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  const keySelect = $("search-key");
  for (const letter of ["A", "B"]) for (let n = 1; n <= 12; n += 1) keySelect.append(Object.assign(document.createElement("option"), { value: n + letter, textContent: n + letter }));
  $("search-form").addEventListener("submit", (event) => { event.preventDefault(); search(0); });
  $("page-previous").addEventListener("click", () => search(state.page - 1));
  $("page-next").addEventListener("click", () => search(state.page + 1));
  $("similar-form").addEventListener("submit", (event) => { event.preventDefault(); findSimilar(); });
  $("similar-preset").addEventListener("click", similarPreset);
  $("similar-close").addEventListener("click", () => { $("similar").hidden = true; });
  wireGrid();
  $("plan-form").addEventListener("submit", (event) => { event.preventDefault(); plan("set"); });
  $("plan-bridge").addEventListener("click", () => plan("bridge"));
  $("save-form").addEventListener("submit", save);
  $("import-form").addEventListener("submit", importPlaylist);
  $("undo").addEventListener("click", () => goTo(state.cursor - 1));
  $("redo").addEventListener("click", () => goTo(state.cursor + 1));
  $("replan").addEventListener("click", replan);
  $("alternatives-close").addEventListener("click", () => { $("alternatives").hidden = true; });
  $("render-mix").addEventListener("click", () => renderMix());
  $("scan-form").addEventListener("submit", (event) => { event.preventDefault(); if ($("scan-folder").value.trim()) scan($("scan-folder").value.trim()); else say("scan-status", "Type the folder to scan.", "error"); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { closePanels(); return; }
    const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement && document.activeElement.tagName);
    if (typing || !state.set || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "z") return;
    event.preventDefault();
    goTo(state.cursor + (event.shiftKey ? 1 : -1));
  });
  await loadHealth();
  search(0);
  loadSaved();
  const id = new URL(window.location.href).searchParams.get("set");
  if (id) {
    try {
      const set = await api(route(ROUTE.set, { id }));
      state.name = set.name || "";
      pushVersion(set);
    } catch (error) { say("plan-status", "The set in this page's address cannot be opened: " + error.message, "error"); }
  }
});
