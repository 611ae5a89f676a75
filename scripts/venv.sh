#!/usr/bin/env bash
# Makes sure a Python virtual environment holds the PyPI tools a script needs; installs only
# what is missing, so a second run starts at once. One place for every venv the Makefile,
# the conformance scripts and the benchmarks use.
#   usage: scripts/venv.sh VENV "PROGRAM..." PACKAGE...
#   VENV      the folder (made with `python3 -m venv` when it has no bin/python)
#   PROGRAM   executables that must be in VENV/bin afterwards (space-separated, one argument)
#   PACKAGE   pip requirement strings, e.g. "pywb==2.10.0" warcio "pyspark>=4,<5"
# Exits 1 with what to do when python3-venv is missing or pip cannot install.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: scripts/venv.sh VENV \"PROGRAM...\" PACKAGE..." >&2; exit 2; }
venv="$1" programs="$2"
shift 2
missing=0
for program in $programs; do [ -x "$venv/bin/$program" ] || missing=1; done
[ "$missing" = 0 ] && exit 0
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || {
    echo "venv: could not make $venv; install Debian's python3-venv (apt-get install -y python3-venv)" >&2
    exit 1
  }
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "$@" || {
  echo "venv: pip could not install $* into $venv; check that PyPI is reachable (or a pip mirror is set in PIP_INDEX_URL)" >&2
  exit 1
}
for program in $programs; do
  [ -x "$venv/bin/$program" ] || { echo "venv: $program is still missing from $venv/bin after installing $*" >&2; exit 1; }
done
