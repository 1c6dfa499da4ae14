#!/usr/bin/env bash
# Installs everything 承诺台账 needs on a fresh Debian 12: system packages (as root),
# a virtual environment in .venv, the project with its test extras, and the app's entry
# in the desktop's applications menu (for $SUDO_USER when run through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's xcb/offscreen platforms, a CJK font that keeps PDF text right (not noto-cjk),
# poppler-utils (pdftotext/pdftoppm) for checking the printed sheet, desktop-file-utils
# for checking the menu entry (and telling the desktop about its file types).
apt_packages=(python3-venv fonts-wqy-microhei poppler-utils desktop-file-utils
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 libxcb-xkb1 libxcb-shm0 libxcb-sync1
  libxcb-render0 libx11-xcb1 libgssapi-krb5-2)
missing=()
for p in "${apt_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install as root: apt-get install ${missing[*]}" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
# Undone by `.venv/bin/tracker-app --uninstall-desktop`; a desktop-less server just gets the files.
.venv/bin/tracker-app --install-desktop >/dev/null || echo "setup: the applications-menu entry was not installed" >&2
