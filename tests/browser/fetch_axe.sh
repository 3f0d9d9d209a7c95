#!/usr/bin/env bash
# Fetch axe-core (the accessibility rules engine) from the npm registry into
# tests/browser/vendor/axe.min.js. The folder is git-ignored; the browser conftest calls this
# script when the file is missing. Needs npm and access to the registry.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
vendor="$here/vendor"
version="${AXE_VERSION:-4}"

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch_axe.sh: npm is not installed (apt-get install npm)" >&2
  exit 2
fi
mkdir -p "$vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# `npm pack` downloads the package tarball without installing anything or running scripts.
tarball="$(cd "$work" && npm pack --silent --ignore-scripts "axe-core@$version" | tail -n1)"
tar -xzf "$work/$tarball" -C "$work" package/axe.min.js package/package.json package/LICENSE
cp "$work/package/axe.min.js" "$vendor/axe.min.js.tmp"
cp "$work/package/LICENSE" "$vendor/axe-core.LICENSE"
mv "$vendor/axe.min.js.tmp" "$vendor/axe.min.js"
node -e 'process.stdout.write(require(process.argv[1]).version)' "$work/package/package.json" \
  > "$vendor/axe.version" 2>/dev/null || true
echo "axe-core $(cat "$vendor/axe.version" 2>/dev/null || echo "$version") -> $vendor/axe.min.js"
