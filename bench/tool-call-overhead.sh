#!/usr/bin/env bash
# Tool-call overhead: a sidecar's simple tool (MCP tools/call -> the sidecar -> the fake upstream) versus the same
# request sent straight to the fake upstream, 16 concurrent clients, in one run (warm-up of both paths, then rounds
# alternating between them). Prints p50 and p99 of both and the ratios (goal <= 1.3x at p50, <= 2x at p99).
#
# Builds nothing: runs the packaged sidecar with the JVM options it ships, on the JDK the images ship.
#
# Usage: bench/tool-call-overhead.sh [--target github|jira|google|kubeconfig] [--clients 16] [--calls 300]
#                                    [--rounds 4] [--warmup 200] [--upstream-delay-ms 0] [--max-ram 256m|none]
#                                    [--extra-jvm "..."] [--java PATH]
# Environment: SIDECAR_JAVA, BENCH_JAVA as for sidecar-footprint.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
exec "$BENCH_JAVA" -cp "$(bench_classpath)" io.ambientcode.sidecar.bench.OverheadBench --repo "$root" \
  --java "$SIDECAR_JAVA" "$@"
