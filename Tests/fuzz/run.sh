#!/usr/bin/env bash
# Builds brief's libFuzzer targets and runs each for SECONDS (default 60), one after another.
#
#   Tests/fuzz/run.sh SECONDS [TARGET...]      targets: normalizer template frontmatter cache
#
# Every module (brief's, Yams) is built optimized (-c release: four times the executions per second of
# a debug build; checks stay on) with AddressSanitizer and libFuzzer's coverage instrumentation
# into .build-fuzz at the repository root, so the normal .build is never touched. New inputs go to
# Tests/fuzz/work/TARGET (seeded from the committed Tests/fuzz/corpus/TARGET), crashes, timeouts and
# out-of-memory inputs to Tests/fuzz/artifacts/TARGET. Exits 1 when any target found something.
# Reproduce one: SWIFT_BACKTRACE=enable=no .build-fuzz/release/fuzz-TARGET Tests/fuzz/artifacts/TARGET/crash-…
# FUZZ_CONFIGURATION=debug builds unoptimized, for clearer stacks when minimizing a finding;
# FUZZ_FLAGS adds libFuzzer flags (for example -use_value_profile=1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(normalizer template frontmatter cache)

# libFuzzer without its own main: SwiftPM gives every executable one (see Sources/FuzzSupport).
runtime="$(dirname "$(readlink -f "$(command -v swiftc)")")/../lib/swift/clang/lib/linux"
fuzzer_lib="$runtime/libclang_rt.fuzzer_no_main-$(uname -m).a"
[ -f "$fuzzer_lib" ] || { echo "run.sh: $fuzzer_lib not found; this needs the swift.org toolchain for Linux" >&2; exit 2; }

# The build's own tools (the theme embedder) are instrumented too; their leaks at exit are not findings.
(cd "$here" && ASAN_OPTIONS=detect_leaks=0 swift build -c "${FUZZ_CONFIGURATION:-release}" --scratch-path "$root/.build-fuzz" \
    -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table \
    -Xlinker "$fuzzer_lib" 2>&1 | grep -v "Cannot export local symbol")
bin="$root/.build-fuzz/${FUZZ_CONFIGURATION:-release}"

found=()
for target in "${targets[@]}"; do
    [ -x "$bin/fuzz-$target" ] || { echo "run.sh: no target \"$target\"" >&2; exit 2; }
    work="$here/work/$target" artifacts="$here/artifacts/$target"
    mkdir -p "$work" "$artifacts"
    log="$here/work/$target.log"
    before=$(ls "$artifacts" | wc -l)
    echo "== $target: ${seconds}s, log in ${log#"$root/"}"
    # -fork=1 runs the inputs in a child process and starts a new one after a crash, so one finding
    # does not end the run. No leak checks: Swift keeps class references of enum payloads with tag
    # bits set, which LeakSanitizer cannot follow, so long-lived templates show up as leaks.
    status=0
    # Swift's own backtracer is off: it copies the stack of a crashed thread, which AddressSanitizer reports
    # as a stack-buffer-underflow in CrashHandlerLinux.cpp and which hides the real finding (a fatalError).
    SWIFT_BACKTRACE=enable=no \
    ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$bin/fuzz-$target" "$work" "$here/corpus/$target" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
        -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} >"$log" 2>&1 || status=$?
    # The last status line: "#RUNS: cov: … corp: … exec/s: … oom/timeout/crash: O/T/C time: Ss …".
    last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1)
    runs=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$last")
    time=$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")
    summary="${runs:-0} runs in ${time:-0}s, $(( ${runs:-0} / (${time:-0} > 0 ? ${time:-1} : 1) )) execs/s,"
    summary+=" $(grep -oE 'cov: [0-9]+ ft: [0-9]+' <<<"$last"), oom/timeout/crash $(sed -nE 's/.*oom\/timeout\/crash: ([0-9/]+).*/\1/p' <<<"$last")"
    new=$(( $(ls "$artifacts" | wc -l) - before ))
    if [ "$status" -eq 0 ] && [ "$new" -eq 0 ]; then
        echo "   nothing found: $summary"
    else
        found+=("$target")
        echo "   FOUND $new new input(s) in ${artifacts#"$root/"} (exit $status): $summary"
        # With -fork the children's messages are not in the log: run the target again on (up to 20 of) the
        # new inputs and count what each says.
        for artifact in $(ls -t "$artifacts" | head -n "$new" | head -20); do
            { SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 timeout 60 "$bin/fuzz-$target" "$artifacts/$artifact" 2>&1 \
                || true; } | grep -m1 -oE 'Fatal error: [^:"]*|ERROR: AddressSanitizer: [a-z-]+|ERROR: libFuzzer: [a-z -]+' \
                || echo "no message (a time-out?): $artifact"
        done | sort | uniq -c | sort -rn | sed 's/^/   /'
    fi
done
if [ "${#found[@]}" -gt 0 ]; then
    echo "found something in: ${found[*]}; minimize with: .build-fuzz/${FUZZ_CONFIGURATION:-release}/fuzz-TARGET -minimize_crash=1 -runs=10000 ARTIFACT"
    exit 1
fi
