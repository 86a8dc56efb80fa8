#!/usr/bin/env bash
# Runs one bench script against an earlier commit and against the working tree,
# one after the other on this machine, so that "before" and "after" share a day
# and a load. The earlier commit runs today's bench scripts (copied in), so both
# sides are measured the same way.
#
#   bench/compare.sh REF SCRIPT      e.g. bench/compare.sh dbee6ea bench/ops-writes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?an earlier commit}
script=${2:?a bench script}
base=target/bench-base
rm -rf "$base"
git worktree prune
git worktree add -f --detach "$base" "$ref" >/dev/null
trap 'git worktree remove --force "$base" >/dev/null 2>&1 || true' EXIT
rm -rf "$base/bench" && cp -r bench "$base/bench"
echo "##### before: $(git -C "$base" log -1 --format='%h %s' | cut -c1-100)"
(cd "$base" && bash "$script")
echo "##### after: $(git log -1 --format='%h %s' | cut -c1-100)$(git diff --quiet HEAD || echo ' (+ uncommitted changes)')"
bash "$script"
