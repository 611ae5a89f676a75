#!/usr/bin/env bash
# Makes sure the Debian packages slackscore builds against are installed.
# As root it installs what is missing with apt-get; otherwise it prints the exact
# command to run and fails.
#   usage: scripts/ensure-deps.sh PACKAGE...
set -euo pipefail
missing=()
for pkg in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "slackscore: installing missing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  echo "slackscore: missing system packages: ${missing[*]}" >&2
  echo "  run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
