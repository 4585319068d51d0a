#!/usr/bin/env bash
# Packs every publishable workspace package the way it would be published (pnpm pack
# rewrites catalog: and workspace: versions) and checks the tarball with publint and
# Are the Types Wrong. Run after `pnpm build`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for manifest in "$root"/packages/*/package.json "$root"/apps/*/package.json; do
  [ -f "$manifest" ] || continue
  dir=$(dirname "$manifest")
  if node -e 'process.exit(require(process.argv[1]).private ? 0 : 1)' "$manifest"; then continue; fi
  name=$(node -p 'require(process.argv[1]).name' "$manifest")
  echo "== $name"
  (cd "$dir" && pnpm pack --pack-destination "$out" >/dev/null)
  tarball=$(ls "$out"/*.tgz)
  pnpm exec publint run --strict "$tarball"
  pnpm exec attw "$tarball" --profile esm-only --no-emoji
  rm -f "$tarball"
done
