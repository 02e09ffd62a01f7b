#!/bin/sh
# Install the system libraries walkapp needs that pip cannot bring (Debian/Ubuntu).
#   .ci/system-deps.sh test   libraries for the offscreen test run
#   .ci/system-deps.sh run    also the X11/xcb libraries to open a real window
#   .ci/system-deps.sh pdf    poppler-utils, to draw report pages as pictures
# As root it installs what is missing with apt-get; otherwise it prints the exact command
# and stops. On systems without dpkg it does nothing (install Qt's libraries yourself).
set -eu
what="${1:-test}"
pkgs="libgl1 libegl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 fonts-dejavu-core"
if [ "$what" = "pdf" ]; then
    pkgs="poppler-utils"
fi
if [ "$what" = "run" ]; then
    pkgs="$pkgs libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
fi
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    ver=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    pkgs="$pkgs python${ver}-venv"
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "walkapp: not a Debian-like system; make sure Qt's system libraries are installed." >&2
    exit 0
fi
missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" != "0" ]; then
    echo "walkapp needs these system packages:$missing" >&2
    echo "Install them as root, then run make again:" >&2
    echo "    sudo apt-get update && sudo $cmd" >&2
    exit 1
fi
echo "walkapp: installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet: update, then install.
$cmd >/dev/null 2>&1 || { apt-get update -q && $cmd; }
