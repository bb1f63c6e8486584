#!/usr/bin/env bash
# Footprint of the packaged sidecars next to the floor (a bare Quarkus app with only quarkus-vertx-http), side by side,
# in one run: N launches per target against local fakes (token server, credential API, one fake upstream); per launch
# time from process start to /q/health/ready (first credential held), CPU time by then, RSS at ready, the first tool
# call, and RSS after 1,000 calls of the simple tool. Prints median [min-max] per target.
#
# Builds nothing of the project: it runs what `./mvnw package` (or verify/install) left in <module>/target, with the
# JVM options each sidecar ships (<module>/src/main/jvm/jvm.options), on the JDK the images ship. Only the floor app
# (bench/floor-app, not part of the reactor) is packaged once if it is missing.
#
# Usage: bench/sidecar-footprint.sh [--runs 5] [--calls 1000] [--targets floor,github,jira,google,kubeconfig]
#                                   [--max-ram 256m|none] [--jvm-options "..."] [--extra-jvm "..."] [--java PATH]
# Environment: SIDECAR_JAVA (default: the shipped JDK, see bench/README.md), BENCH_JAVA (runs the driver; default java)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
ensure_floor_app
exec "$BENCH_JAVA" -cp "$(bench_classpath)" io.ambientcode.sidecar.bench.FootprintBench --repo "$root" \
  --java "$SIDECAR_JAVA" "$@"
