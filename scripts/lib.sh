# SPDX-License-Identifier: MIT
# scripts/lib.sh — what scripts/demo and scripts/test share: installing the
# Debian packages kaigi builds with, and configuring a build directory.
# Sourced, not run.

# Everything a fresh Debian machine needs to build, test and demo kaigi.
KAIGI_PACKAGES="meson ninja-build pkg-config gcc clang libclang-rt-14-dev
  libncurses-dev libsqlite3-dev sqlite3 libyaml-dev libcmocka-dev libutf8proc-dev libpcre2-dev
  libsodium-dev zlib1g-dev
  libcairo2-dev libpango1.0-dev fonts-ipaexfont poppler-utils
  gettext tmux python3 locales python3-pyte dialog"

# Only for tests/bench/report_bench (its peer prints kaigi's HTML to PDF);
# heavy, so never installed by scripts/test or scripts/demo.
KAIGI_BENCH_PACKAGES="chromium"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Install whatever of KAIGI_PACKAGES is missing: as root directly, else
# through sudo.  Does nothing (and needs no network) when all are there.
ensure_packages() {
  local missing="" p
  for p in $KAIGI_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
      missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing packages:$missing (run as root or install sudo)"
    sudo="sudo"
  fi
  say "installing:$missing"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
    die "apt-get update failed"
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
    die "apt-get install failed for:$missing"
}

# A UTF-8 locale for the Japanese tests and the demo (C.UTF-8 is always there).
# ja_JP.UTF-8 is generated when it is missing, so that LANG=ja_JP.UTF-8 gives
# the Japanese UI (kaigi itself falls back to C.UTF-8 + its own catalogues,
# so this is a nicety, and a failure here is not fatal).
ensure_utf8_locale() {
  export LANG="${LANG:-C.UTF-8}"
  case "$LANG" in *UTF-8*|*utf8*) ;; *) export LANG=C.UTF-8 ;; esac
  if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$' && [ -f /etc/locale.gen ]; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
    say "generating the ja_JP.UTF-8 locale"
    { $sudo sed -i 's/^# *\(ja_JP.UTF-8 UTF-8\)/\1/' /etc/locale.gen &&
      $sudo locale-gen >/dev/null; } 2>/dev/null || say "could not generate ja_JP.UTF-8 (kaigi uses C.UTF-8)"
  fi
}

# setup_build DIR [meson options...]: configure DIR once, reconfigure if the
# options changed, then compile.
setup_build() {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" >/dev/null || die "meson setup $dir failed"
  else
    meson configure "$dir" "$@" >/dev/null 2>&1 || true
  fi
  meson compile -C "$dir" >/dev/null || { meson compile -C "$dir"; die "build in $dir failed"; }
}
