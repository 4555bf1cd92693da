#!/usr/bin/env bash
# The normalizer on the shared real corpus: fails when any file's paragraph, heading or title score
# drops more than 0.02 below Tests/corpus/baseline.json. Skipped when the corpus is not there.
#
#   Tests/corpus/run.sh [--update]        BRIEF=path/to/brief (default .build/debug/brief)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${BRIEF_CORPUS:-$root/../shared/corpus}"
scorer="${BRIEF_SCORER:-$root/../shared/tools/score_normalize.py}"
brief="${BRIEF:-$root/.build/debug/brief}"
if [ ! -d "$corpus/gold" ] || [ ! -f "$scorer" ]; then
    echo "corpus: skipped: $corpus/gold or $scorer is not here"
    exit 0
fi
[ -x "$brief" ] || { echo "corpus: no brief binary at $brief (build it first)" >&2; exit 2; }
exec python3 "$here/check.py" "$brief" "$corpus" "$scorer" "$here/baseline.json" "$@"
