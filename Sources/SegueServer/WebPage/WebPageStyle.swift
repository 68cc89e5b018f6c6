/// The web page's style sheet (`GET /app.css`).
enum WebPageStyle {
    /// The CSS.
    static let text = #"""
:root { --ink: #1b1b1f; --muted: #5d5d68; --line: #d9d9e0; --accent: #2951c6; --bg: #fafafc; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { padding: 12px 24px; background: #14142b; color: #fff; display: flex; align-items: baseline; gap: 24px; }
header h1 { margin: 0; font-size: 22px; letter-spacing: .5px; }
header p { margin: 0; color: #c9c9dc; }
main { max-width: 1100px; margin: 0 auto; padding: 8px 24px 48px; }
section { margin-top: 24px; padding: 16px; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
h2 { margin: 0 0 12px; font-size: 18px; }
h3 { font-size: 15px; margin: 16px 0 8px; }
.row { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
label { display: inline-flex; gap: 6px; align-items: center; }
input, select, button { font: inherit; padding: 5px 8px; border: 1px solid #b8b8c4; border-radius: 5px; background: #fff; }
input.short { width: 5.5em; }
button, a.button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; text-decoration: none; padding: 5px 10px; border-radius: 5px; }
button.secondary { background: #fff; color: var(--accent); }
button:disabled { opacity: .5; cursor: default; }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin-top: 10px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.key { display: inline-block; min-width: 3.2em; text-align: center; padding: 1px 6px; border-radius: 10px; color: #111; font-weight: 600; font-size: 13px; }
.explanation { color: var(--muted); font-size: 13px; }
.note { background: #fff6e0; border: 1px solid #f0d28a; padding: 6px 10px; border-radius: 5px; }
.error { color: #b00020; }
#plot { width: 100%; height: auto; background: #fcfcff; border: 1px solid var(--line); border-radius: 6px; }
figure { margin: 8px 0; }
figcaption { font-size: 13px; color: var(--muted); }
progress { width: 100%; height: 14px; }
"""#
}
