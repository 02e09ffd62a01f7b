#!/bin/sh
# Install the system libraries walkapp needs that pip cannot bring (Debian/Ubuntu).
#   .ci/system-deps.sh test   libraries for the offscreen test run
#   .ci/system-deps.sh run    also the X11/xcb libraries to open a real window
#   .ci/system-deps.sh pdf    poppler-utils, to draw report pages as pictures
#   .ci/system-deps.sh killtest  the `run` libraries, Xvfb, openbox and xdotool (make killtest)
# PYTHON (default python3) is the interpreter the venv will be made with.
#
# It looks for the *files* walkapp needs (shared libraries by soname, a font, a command),
# not for package names: package names change between releases (libglib2.0-0 became
# libglib2.0-0t64 on Debian 13 / Ubuntu 24.04), and a name that is only virtual there would
# count as missing on every run. Only what is missing is mapped to a package to install.
# As root it installs that with apt-get; otherwise it prints the exact command to run as
# root (no sudo: a fresh Debian has none) and stops. Without apt-get it says what is
# missing and carries on.
#
# For tests: WALKAPP_LIBDIRS replaces the folders searched for libraries and
# WALKAPP_SKIP_LDCONFIG=1 ignores the ldconfig cache; WALKAPP_FONTDIRS replaces the
# folders searched for fonts.
set -eu
what="${1:-test}"
python="${PYTHON:-python3}"

# soname=package pairs; the package is the Debian 12 name (apt picks the renamed one on
# newer releases, where the old name is provided by exactly one package).
libs_test="libGL.so.1=libgl1 libEGL.so.1=libegl1 libfontconfig.so.1=libfontconfig1
libglib-2.0.so.0=libglib2.0-0 libdbus-1.so.3=libdbus-1-3 libxkbcommon.so.0=libxkbcommon0"
libs_run="libxcb-cursor.so.0=libxcb-cursor0 libxcb-icccm.so.4=libxcb-icccm4
libxcb-image.so.0=libxcb-image0 libxcb-keysyms.so.1=libxcb-keysyms1
libxcb-render-util.so.0=libxcb-render-util0 libxcb-shape.so.0=libxcb-shape0
libxkbcommon-x11.so.0=libxkbcommon-x11-0"

# font file=package pairs: the fonts reports fall back on for scripts DejaVu lacks (CJK,
# Korean, Devanagari, emoji…). The same list as walkapp/reports/glyphs.py CHAIN (a test
# checks they agree); all TrueType, which ReportLab can embed.
fonts_scripts="NotoSansHebrew-Regular.ttf=fonts-noto-core NotoSansArabic-Regular.ttf=fonts-noto-core
NotoSansDevanagari-Regular.ttf=fonts-noto-core DroidSansFallbackFull.ttf=fonts-droid-fallback
NanumGothic.ttf=fonts-nanum Symbola_hint.ttf=fonts-symbola"

fontdirs="${WALKAPP_FONTDIRS:-/usr/share/fonts /usr/local/share/fonts ${HOME:-/nonexistent}/.local/share/fonts}"

have_font_file() {
    for dir in $fontdirs; do
        [ -d "$dir" ] && [ -n "$(find "$dir" -name "$1" -print -quit 2>/dev/null)" ] && return 0
    done
    return 1
}

libdirs="${WALKAPP_LIBDIRS:-/usr/lib /usr/lib64 /lib /lib64 /usr/local/lib $(echo /usr/lib/*-linux-gnu* /lib/*-linux-gnu*)}"

ldcache=""
if [ "${WALKAPP_SKIP_LDCONFIG:-}" != "1" ]; then
    for ldconfig in ldconfig /sbin/ldconfig /usr/sbin/ldconfig; do
        if command -v "$ldconfig" >/dev/null 2>&1; then
            ldcache=$("$ldconfig" -p 2>/dev/null || true)
            break
        fi
    done
fi

have_lib() {
    # In the loader's cache…
    if [ -n "$ldcache" ] && printf '%s\n' "$ldcache" | grep -q "^[[:space:]]*$1 ("; then
        return 0
    fi
    # …or as a file in one of the library folders.
    for dir in $libdirs; do
        [ -e "$dir/$1" ] && return 0
    done
    return 1
}

have_font() {
    # Qt draws text as empty boxes, silently, when there is no font at all.
    for dir in $fontdirs; do
        [ -d "$dir" ] && [ -n "$(find "$dir" -name '*.ttf' -print -quit 2>/dev/null)" ] && return 0
    done
    return 1
}

missing=""      # packages to install
missing_what="" # what was looked for and not found, for the message
need() { missing="$missing $2"; missing_what="$missing_what $1"; }

case "$what" in
    pdf)
        command -v pdftoppm >/dev/null 2>&1 || need pdftoppm poppler-utils ;;
    test|run|killtest)
        pairs="$libs_test"
        [ "$what" != "test" ] && pairs="$pairs $libs_run"
        if [ "$what" = "killtest" ]; then
            command -v Xvfb >/dev/null 2>&1 || need Xvfb xvfb
            command -v openbox >/dev/null 2>&1 || need openbox openbox
            command -v xdotool >/dev/null 2>&1 || need xdotool xdotool
        fi
        for pair in $pairs; do
            have_lib "${pair%%=*}" || need "${pair%%=*}" "${pair#*=}"
        done
        have_font || need "a TrueType font" fonts-dejavu-core
        for pair in $fonts_scripts; do
            case "$missing " in *" ${pair#*=} "*) continue ;; esac
            have_font_file "${pair%%=*}" || need "${pair%%=*}" "${pair#*=}"
        done
        if ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
            ver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
            need "$python's venv module" "python${ver}-venv"
        fi ;;
    *)
        echo "usage: $0 test|run|pdf|killtest" >&2
        exit 2 ;;
esac

[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "walkapp: these system libraries were not found:$missing_what" >&2
    echo "walkapp: this is not a Debian-like system; install Qt's system libraries with your package manager." >&2
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "walkapp needs these system packages:$missing" >&2
    echo "(not found:$missing_what)" >&2
    echo "Run this as root (for example in a root shell opened with 'su -'), then run make again:" >&2
    echo "    apt-get update && $cmd" >&2
    exit 1
fi
echo "walkapp: installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet: update, then install.
$cmd >/dev/null 2>&1 || { apt-get update -q && $cmd; }
