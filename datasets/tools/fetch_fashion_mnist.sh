#!/usr/bin/env bash
# Copies Fashion-MNIST's four gzipped IDX files out of the Debian package dataset-fashion-mnist (MIT),
# unchanged, into ../fashion-mnist. Run as root on Debian (apt-get download needs the package lists).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../fashion-mnist"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
apt-get download dataset-fashion-mnist
dpkg -x dataset-fashion-mnist_*.deb pkg
mkdir -p "$out"
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  cp "pkg/usr/share/datasets/fashion-mnist/$f.gz" "$out/$f.gz"
done
ls -l "$out"
