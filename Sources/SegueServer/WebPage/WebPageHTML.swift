/// The web page's HTML (`GET /`): one page, no external resources, script and style from this server.
enum WebPageHTML {
    /// The document.
    static let text = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Segue — DJ set builder</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <h1>Segue</h1>
  <p id="library-status" aria-live="polite">Loading the library…</p>
</header>
<main>
  <section aria-labelledby="search-title">
    <h2 id="search-title">1. Find a track</h2>
    <form id="search-form" class="row">
      <label>Search <input id="search-query" type="search" placeholder="artist, title, genre…" autocomplete="off"></label>
      <label>BPM from <input id="search-bpm-min" type="number" min="40" max="250" step="1" class="short"></label>
      <label>to <input id="search-bpm-max" type="number" min="40" max="250" step="1" class="short"></label>
      <button type="submit" id="search-button">Search</button>
    </form>
    <table id="search-results" aria-label="Search results"><thead><tr><th>Track</th><th>BPM</th><th>Key</th><th>Energy</th><th>Use as</th></tr></thead><tbody></tbody></table>
    <div class="row" id="pager"><button type="button" id="page-previous">Previous</button><span id="page-info"></span><button type="button" id="page-next">Next</button></div>
  </section>

  <section aria-labelledby="plan-title">
    <h2 id="plan-title">2. Plan</h2>
    <p>Seed: <strong id="seed-name">none yet — pick one above</strong>. Bridge end: <strong id="end-name">none</strong>.</p>
    <form id="plan-form" class="row">
      <label>Minutes <input id="plan-minutes" type="number" min="1" max="600" value="60" class="short"></label>
      <label>Energy
        <select id="plan-energy"><option value="rise">rise</option><option value="peak">peak (warm-up, peak, cool-down)</option>
          <option value="flat">flat</option><option value="wave">wave</option></select></label>
      <label>Key moves
        <select id="plan-key-rule"><option value="any">any</option><option value="strict">strict (same, ±1, relative)</option>
          <option value="mixxx">Mixxx (six keys)</option><option value="energy-boost">energy boost (+2, +7)</option></select></label>
      <button type="submit" id="plan-set">Plan a set from the seed</button>
      <button type="button" id="plan-bridge">Bridge seed → end</button>
    </form>
    <p id="plan-status" role="status" aria-live="polite"></p>
  </section>

  <section aria-labelledby="set-title" id="set-section" hidden>
    <h2 id="set-title">3. The set</h2>
    <p id="set-note" class="note" hidden></p>
    <p id="set-summary"></p>
    <figure>
      <svg id="plot" viewBox="0 0 900 260" role="img" aria-labelledby="plot-caption"></svg>
      <figcaption id="plot-caption">BPM (line), energy (bars, target dashed) and key (Camelot colours) over the set's time.</figcaption>
    </figure>
    <table id="set-table" aria-label="The set"><thead><tr><th>#</th><th>Start</th><th>Track</th><th>BPM</th><th>Key</th><th>Energy</th><th>Transition in</th><th></th></tr></thead><tbody></tbody></table>
    <div id="alternatives" hidden>
      <h3 id="alternatives-title">Alternatives</h3>
      <table aria-labelledby="alternatives-title"><thead><tr><th>Track</th><th>BPM</th><th>Key</th><th>Fit</th><th></th></tr></thead><tbody></tbody></table>
      <button type="button" id="alternatives-close">Close</button>
    </div>
    <h3>Download for your DJ software</h3>
    <p class="row" id="exports"></p>
  </section>

  <section aria-labelledby="scan-title">
    <h2 id="scan-title">Add music</h2>
    <form id="scan-form" class="row">
      <label>Folder on this computer <input id="scan-folder" type="text" placeholder="/home/me/Music" size="40"></label>
      <button type="submit" id="scan-button">Scan</button>
    </form>
    <progress id="scan-progress" max="1" value="0" hidden></progress>
    <p id="scan-status" role="status" aria-live="polite"></p>
  </section>
</main>
</body>
</html>
"""#
}
