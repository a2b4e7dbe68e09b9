#!/bin/sh
# Regenerates the app icons from the one source, assets/icons/haven.svg (run after editing it;
# the results are committed so the build needs no image tools):
#   assets/icons/haven-N.png (16..512), packaging/linux/Haven.png, packaging/windows/haven.ico,
#   packaging/macos/haven.icns.
# Needs ImageMagick (`convert`) and python3 (the ICNS container is written by a few lines below).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
svg="$here/assets/icons/haven.svg"
out="$here/assets/icons"
for size in 16 24 32 48 64 128 256 512 1024; do
  convert -background none -density 600 "$svg" -resize "${size}x${size}" "PNG32:$out/haven-$size.png"
done
cp "$out/haven-512.png" "$here/packaging/linux/Haven.png"
convert "$out/haven-16.png" "$out/haven-24.png" "$out/haven-32.png" "$out/haven-48.png" \
        "$out/haven-64.png" "$out/haven-256.png" "$here/packaging/windows/haven.ico"
# ICNS: 'icns' + length, then (type, length, PNG) entries; modern macOS reads PNG payloads.
python3 - "$out" "$here/packaging/macos/haven.icns" <<'PY'
import struct, sys
src, dst = sys.argv[1], sys.argv[2]
entries = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024)]
body = b""
for kind, size in entries:
    data = open(f"{src}/haven-{size}.png", "rb").read()
    body += kind.encode() + struct.pack(">I", len(data) + 8) + data
open(dst, "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
rm -f "$out/haven-1024.png" # only needed inside the ICNS
echo "icons written"
