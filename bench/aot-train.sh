#!/usr/bin/env bash
# Records a sidecar's JDK AOT cache (JEP 483/514, JDK 25+) by a training run that does what a session does: start-up,
# exchange, fetch, readiness, MCP initialize, tools/list, its simple tool, refresh_credentials; then a SIGTERM, on which
# the JVM writes <module>/target/quarkus-app/app.aot. The sidecar must be packaged in the aot-jar layout first (its
# classes on the plain class path, which the cache can hold):
#
#   ./mvnw -B package -DskipTests -pl sidecar-github -am -Dquarkus.package.jar.type=aot-jar
#   SIDECAR_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/aot-train.sh --target github
#   SIDECAR_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/sidecar-footprint.sh --targets floor,github \
#       --extra-jvm "-XX:AOTCache=app.aot"
#
# An experiment, not what the images ship (bench/README.md). Usage: bench/aot-train.sh [--target github] [--calls 50]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
exec "$BENCH_JAVA" -cp "$(bench_classpath)" io.ambientcode.sidecar.bench.AotTraining --repo "$root" \
  --java "$SIDECAR_JAVA" "$@"
