#!/usr/bin/env bash
# Installs what the integration tests use: a Java runtime (Debian) and, in the virtual environment
# .venv-tools, pyspark and numpy (PyPI) for `segue train --engine spark`, and the third-party
# readers the exports are checked with: pyrekordbox (rekordbox XML), traktor-nml-utils (Traktor
# NML) and serato-tools with mutagen (Serato crates, and the Serato cues in audio files), openapi-spec-validator for the API's OpenAPI document, and
# Chromium with chromium-driver (Debian) and selenium (PyPI) for the web page's browser test, and
# FluidSynth with two General MIDI soundfonts (Debian) for the analysis tests on sampled instruments,
# and Node.js (Debian) to check the page's script file.
# Tests that need them are skipped, with the reason, when they are missing; this script only
# warns when it cannot install them (no network), so the rest of the tests still run.
# Afterwards: export SEGUE_PYTHON="$PWD/.venv-tools/bin/python"
set -uo pipefail
cd "$(dirname "$0")/.."
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
if ! command -v java >/dev/null 2>&1; then
  echo "installing: openjdk-17-jre-headless"
  $sudo_cmd apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends openjdk-17-jre-headless \
    || echo "warning: could not install Java; the Spark engine test will be skipped" >&2
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "installing: chromium and chromium-driver (the web page's browser test)"
  $sudo_cmd apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends chromium chromium-driver \
    || echo "warning: could not install Chromium; the browser test will be skipped (and fail under CI=true)" >&2
fi
if ! command -v fluidsynth >/dev/null 2>&1 || [ ! -f /usr/share/sounds/sf2/TimGM6mb.sf2 ] || [ ! -f /usr/share/sounds/sf3/MuseScore_General_Lite.sf3 ]; then
  echo "installing: fluidsynth, timgm6mb-soundfont and musescore-general-soundfont-small (General MIDI renders for the analysis tests)"
  $sudo_cmd apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends fluidsynth \
    timgm6mb-soundfont musescore-general-soundfont-small \
    || echo "warning: could not install FluidSynth; the General MIDI analysis tests will be skipped (and fail under CI=true)" >&2
fi
if ! command -v node >/dev/null 2>&1; then
  echo "installing: nodejs (checks the page's script)"
  $sudo_cmd apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends nodejs \
    || echo "warning: could not install Node.js; the script check will be skipped (and fail under CI=true)" >&2
fi
if [ ! -x .venv-tools/bin/python ] || ! .venv-tools/bin/python -c "import pyspark, numpy" >/dev/null 2>&1; then
  echo "installing: pyspark and numpy into .venv-tools"
  python3 -m venv .venv-tools && .venv-tools/bin/pip install -q --disable-pip-version-check "pyspark>=3.5,<5" numpy \
    || echo "warning: could not install pyspark; the Spark engine test will be skipped" >&2
fi
if [ ! -x .venv-tools/bin/python ] || ! .venv-tools/bin/python -c "import pyrekordbox, traktor_nml_utils, serato_tools, mutagen, openapi_spec_validator, selenium" >/dev/null 2>&1; then
  echo "installing: pyrekordbox, traktor-nml-utils, serato-tools (with mutagen, which it reads tags with), openapi-spec-validator and selenium into .venv-tools"
  [ -x .venv-tools/bin/python ] || python3 -m venv .venv-tools
  .venv-tools/bin/pip install -q --disable-pip-version-check "pyrekordbox==0.5.0" "traktor-nml-utils==4.1.0" "serato-tools==2.4.0" "mutagen==1.48.1" \
    "openapi-spec-validator==0.9.0" "selenium==4.51.0" \
    || echo "warning: could not install the third-party playlist readers; their tests will be skipped (and fail under CI=true)" >&2
fi
exit 0
