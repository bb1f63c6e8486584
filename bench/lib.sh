# Shared by the bench scripts (sourced). Expects $root (the repository).

# The JDK the sidecar images ship: 17 (deploy/docker/Dockerfile.jvm), the java on PATH here. Set SIDECAR_JAVA to compare
# another one (bench/README.md: JDK 25 with an AOT cache). The driver itself runs on any JDK 17+.
SIDECAR_JAVA=${SIDECAR_JAVA:-$(command -v java)}
BENCH_JAVA=${BENCH_JAVA:-java}
if [ ! -x "$SIDECAR_JAVA" ]; then
  echo "SIDECAR_JAVA=$SIDECAR_JAVA is not there; set it to the java the sidecars should run on" >&2
  exit 2
fi

# The drivers and fakes live in sidecar-runtime's test-jar; their libraries (Jackson, jose4j, contracts) are the ones
# a packaged sidecar already carries in lib/main.
bench_classpath() {
  local testjar
  testjar=$(ls "$root"/sidecar-runtime/target/sidecar-runtime-*-tests.jar 2>/dev/null | head -1)
  if [ -z "$testjar" ] || [ ! -d "$root/sidecar-github/target/quarkus-app/lib/main" ]; then
    echo "package the sidecars first: ./mvnw -B package -DskipTests -pl sidecar-runtime,sidecar-github,sidecar-jira,sidecar-google,sidecar-k8s -am" >&2
    exit 2
  fi
  echo "$testjar:$root/sidecar-github/target/quarkus-app/lib/main/*"
}

# The floor is not part of the reactor (CI never builds it): package it here once.
ensure_floor_app() {
  if [ ! -f "$root/bench/floor-app/target/quarkus-app/quarkus-run.jar" ]; then
    echo "packaging the floor app (once): bench/floor-app" >&2
    (cd "$root" && ./mvnw -B -q -f bench/floor-app/pom.xml package) >&2
  fi
}
