#!/usr/bin/env bash
# Beat grids on real recordings: installs the Debian packages whose soundtracks are drawn (never
# supertuxkart-data, wesnoth-music or nexuiz-music, kept for an outside judge), builds Segue in
# release mode and the peers' environments, draws the recordings (the first draw, split into a
# tuning and a held-out half, and the fresh draw, held out whole), caches madmom's and essentia's
# beats (madmom: about a minute per recording on one core) and prints the tables.
# Usage: Benchmarks/grids/run.sh [tuning|held-out|fresh]   (default: tuning)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
packages="warzone2100-music redeclipse-data hedgewars-data extremetuxracer-data boswars-data asc-music hyperrogue-music
          supertux-data neverball-data freedroidrpg-data lincity-ng-data xmoto-data megaglest-data widelands-data chromium-bsu-data"
missing=""
for package in $packages; do dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"; done
if [ -n "$missing" ]; then
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q $missing
fi
(cd "$root" && swift build -c release --product segue)
source "$here/../peer-environments.sh"
cache="${SEGUE_GRID_CACHE:-/tmp/segue-grid-cache}"
mkdir -p "$cache"
which="${1:-tuning}"
if [ "$which" = fresh ]; then
  "$venv/bin/python" "$here/recordings.py" --draw fresh --count 30 > "$cache/manifest-fresh.json"
  manifest="$cache/manifest-fresh.json"
else
  "$venv/bin/python" "$here/recordings.py" > "$cache/manifest.json"
  manifest="$cache/manifest.json"
fi
files=$("$venv/bin/python" -c "import json, sys; print(' '.join(e['path'] for e in json.load(open(sys.argv[1]))))" "$manifest")
"$madmom/bin/python" "$here/madmom_beats.py" "$cache" 150 $files
"$venv/bin/python" "$here/essentia_beats.py" "$cache" 150 $files
flag=""
[ "$which" != tuning ] && flag="--held-out"
exec "$venv/bin/python" "$here/bench_grids.py" --segue "$root/.build/release/segue" --manifest "$manifest" --cache "$cache" $flag --verbose
