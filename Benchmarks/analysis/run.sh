#!/usr/bin/env bash
# Runs the analysis benchmark: builds Segue in release mode, makes a virtual environment with
# essentia and librosa (PyPI), and prints the comparison table.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
(cd "$root" && swift build -c release)
if [ ! -x "$here/../.venv/bin/python" ]; then
  python3 -m venv "$here/../.venv"
  "$here/../.venv/bin/pip" install -q --pre essentia librosa numpy
fi
exec "$here/../.venv/bin/python" "$here/bench_analysis.py" --segue "$root/.build/release/segue" "$@"
