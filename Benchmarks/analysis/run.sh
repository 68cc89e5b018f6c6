#!/usr/bin/env bash
# Runs the analysis benchmark: builds Segue in release mode; makes a virtual environment with
# essentia, librosa, music21 and mido (PyPI) and another with madmom 0.16.1 (which needs an older
# numpy and a rebuild of its Cython sources on Python 3.11); installs FluidSynth and three General
# MIDI soundfonts (Debian); renders the General MIDI corpus (gm_corpus.py) unless it exists; and
# prints the comparison tables for the TrackSynth corpus, the tuning set and the held-out half.
# Extra arguments go to bench_analysis.py (e.g. --sets gm-held-out --skip madmom).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
(cd "$root" && swift build -c release)
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
if ! command -v fluidsynth >/dev/null 2>&1 || [ ! -f /usr/share/sounds/sf2/FluidR3_GM.sf2 ] || [ ! -f /usr/share/sounds/sf2/TimGM6mb.sf2 ] \
   || [ ! -f /usr/share/sounds/sf3/MuseScore_General_Lite.sf3 ]; then
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q fluidsynth fluid-soundfont-gm timgm6mb-soundfont musescore-general-soundfont-small
fi
# The peers' environments: $venv (essentia, librosa, music21, mido) and $madmom (madmom 0.16.1).
source "$here/../peer-environments.sh"
corpus="${SEGUE_GM_CORPUS:-/tmp/segue-gm-corpus}"
[ -f "$corpus/truth.csv" ] || "$venv/bin/python" "$here/gm_corpus.py" --out "$corpus"
exec "$venv/bin/python" "$here/bench_analysis.py" --segue "$root/.build/release/segue" --gm-corpus "$corpus" "$@"
