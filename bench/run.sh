#!/usr/bin/env bash
# Runs every bench/bench-*.sh in name order. Environment: BIN (release slackscore),
# SHARED (reference data folder). Each script prints its own figures.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export BIN="${BIN:-.build/release/slackscore}"
export SHARED="${SHARED:-../shared}"
status=0
for script in "$here"/bench-*.sh; do
  [ -e "$script" ] || continue
  echo "== $(basename "$script")"
  if ! bash "$script"; then
    echo "bench: $(basename "$script") failed" >&2
    status=1
  fi
done
exit $status
