#!/usr/bin/env bash
# Renders the icon's PNG sizes from the SVG (rsvg-convert, Debian package librsvg2-bin). The PNGs
# are checked in, so building needs no renderer; run this again after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
id=org.failoverlab.FailoverLab
for size in 16 24 32 48 64 128 256; do
    mkdir -p "icons/${size}x${size}"
    rsvg-convert -w "$size" -h "$size" "$id.svg" -o "icons/${size}x${size}/$id.png"
done
