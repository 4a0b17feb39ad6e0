#!/usr/bin/env bash
# Installs everything tfdfkd needs on a fresh Debian machine: the Fashion-MNIST files and the
# headless OpenGL (EGL + Mesa) libraries from Debian, then the package with its test and
# render extras from PyPI. Idempotent: a second run installs nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."
debs="dataset-fashion-mnist libegl1 libgl1-mesa-dri libegl-mesa0"
missing=""
for p in $debs; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check -e ".[test,render]"
