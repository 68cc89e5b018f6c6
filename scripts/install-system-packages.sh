#!/usr/bin/env bash
# Installs the Debian packages Segue builds against, if any is missing (run as root, or with sudo).
set -euo pipefail
packages=(pkg-config libsndfile1-dev libfftw3-dev libtagc0-dev libtag1-dev libebur128-dev libsamplerate0-dev librubberband-dev libsqlite3-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "note: add /opt/swift/usr/bin to PATH" >&2
  else
    echo "error: Swift 6 is not installed (expected at /opt/swift)" >&2
    exit 1
  fi
fi
