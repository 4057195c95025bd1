#!/bin/sh
# Installs the official TypeScript SDK, npm package recallbricks@2.1.0, into node_modules/recallbricks.
#
# `npm install recallbricks` fails: the package depends on itself at ^0.1.1, a version that was never published.
# So the registry's tarball is fetched with `npm pack` and unpacked as it is; its one real dependency, axios, is
# this folder's own dependency (package.json), which Node finds from node_modules/recallbricks.
set -eu
cd "$(dirname "$0")"
VERSION=2.1.0
TARGET=node_modules/recallbricks
if [ -f "$TARGET/package.json" ] && grep -q "\"version\": \"$VERSION\"" "$TARGET/package.json"; then
  exit 0
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
npm pack "recallbricks@$VERSION" --pack-destination "$WORK" --silent >/dev/null
rm -rf "$TARGET"
mkdir -p "$TARGET"
tar -xzf "$WORK/recallbricks-$VERSION.tgz" -C "$TARGET" --strip-components=1
echo "installed recallbricks@$VERSION into $TARGET"
