#!/usr/bin/env bash
# Builds a self-contained `brief`: the Swift standard library, Foundation and cmark-gfm linked in
# statically, so the binary runs on a Debian machine without Swift or libcmark-gfm installed. It
# needs only the C library and libstdc++, which every Debian system has.
#
#   Scripts/release.sh [OUTPUT]        (default: .build-release/brief)
#
# Install it with:  install -m 755 .build-release/brief /usr/local/bin/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
output="${1:-$root/.build-release/brief}"
libdir="$(pkg-config --variable=libdir libcmark-gfm 2>/dev/null || echo /usr/lib/"$(gcc -print-multiarch)")"
for lib in libcmark-gfm.a libcmark-gfm-extensions.a; do
    [ -f "$libdir/$lib" ] || { echo "release.sh: $libdir/$lib not found (apt-get install libcmark-gfm-dev libcmark-gfm-extensions-dev)" >&2; exit 2; }
done

# cmark-gfm's pkg-config file names its shared libraries; this one points at a folder holding only
# the static ones, so the linker takes those.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lib" "$work/pkgconfig"
ln -s "$libdir/libcmark-gfm.a" "$libdir/libcmark-gfm-extensions.a" "$work/lib/"
cat > "$work/pkgconfig/libcmark-gfm.pc" <<PC
Name: libcmark-gfm
Description: cmark-gfm, linked statically
Version: $(pkg-config --modversion libcmark-gfm 2>/dev/null || echo 0)
Libs: -L$work/lib -lcmark-gfm-extensions -lcmark-gfm
Cflags: -I/usr/include
PC

cd "$root"
PKG_CONFIG_PATH="$work/pkgconfig" swift build -c release --product brief --scratch-path "$root/.build-release" \
    --static-swift-stdlib
mkdir -p "$(dirname "$output")"
built="$root/.build-release/release/brief"
if [ "$built" != "$output" ]; then cp "$built" "$output"; fi
strip "$output"

# Only C-library-level libraries may be left to the system.
unexpected=$(ldd "$output" | awk '{print $1}' | grep -Ev '^(linux-vdso\.so|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so|/lib64/ld-linux|ld-linux|libpthread\.so|libdl\.so|librt\.so)' || true)
if [ -n "$unexpected" ]; then
    echo "release.sh: $output still needs: $unexpected" >&2
    exit 1
fi
echo "release.sh: $output ($(du -h "$output" | cut -f1)), needs only: $(ldd "$output" | awk '{print $1}' | tr '\n' ' ')"
