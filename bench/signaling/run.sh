#!/usr/bin/env bash
# Raises the open-file limit to the hard limit (each WebSocket is a descriptor, in this process and in workerd, which
# inherits the limit through partykit dev), then runs the signaling benchmark. Arguments go to run.ts.
set -euo pipefail
ulimit -n "$(ulimit -Hn)"
cd "$(dirname "$0")/../.."
exec node_modules/.bin/tsx bench/signaling/run.ts "$@"
