#!/usr/bin/env bash
# Issue 9: the services' throughput, each beside its own floor, in one run, then one side-by-side table.
#
#   ./mvnw -B install -DskipTests      # once: the packaged token server and the modules in ~/.m2
#   bench/services.sh
#
# 1. token server over real HTTP: the packaged jar (local profile, fresh keys, sessions from a loopback registry the
#    driver serves), 16 clients, a fresh pre-built assertion per request, 20 s warm-up + 30 s measured
#    (token-server TokenServerLoad, profile "load"); then, with the server stopped, JMH ExchangeBenchmark:
#    bare RSA-4096 OAEP decrypt and the in-process full exchange at 2 threads, bare decrypt at 1 thread.
# 2. credential API: token reads vs GET /whoami, 16 clients, on PostgreSQL at 127.0.0.1:5432 (TokenReadBenchmark).
# 3. control plane: 500 sessions created at once, 16 reconcile threads, time until every pod exists
#    (SessionBurstBenchmarkTest; it has no floor of its own).
#
# Tunables (environment): CLIENTS (16), TS_SECONDS (30), TS_WARMUP (20), SESSIONS (500), RECONCILE_THREADS (16),
# OUT (target/bench-services). Each step's full output is kept in $OUT. About 6-8 minutes on 2 cores.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
CLIENTS=${CLIENTS:-16}
TS_SECONDS=${TS_SECONDS:-30}
TS_WARMUP=${TS_WARMUP:-20}
SESSIONS=${SESSIONS:-500}
RECONCILE_THREADS=${RECONCILE_THREADS:-16}
OUT=${OUT:-$root/target/bench-services}
MVN=("$root/mvnw" -B)

mkdir -p "$OUT"
marker="$OUT/.started"
touch "$marker"
begin=$(date +%s)

say() { printf '[%s +%3ss] %s\n' "$(date +%H:%M:%S)" "$(($(date +%s) - begin))" "$*"; }
fail() { say "FAILED: $*"; exit 1; }

if [ ! -f token-server/target/quarkus-app/quarkus-run.jar ] || [ ! -d "$HOME/.m2/repository/io/ambientcode/contracts" ]; then
  echo "build first: ./mvnw -B install -DskipTests" >&2
  exit 2
fi
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432 (the credential API benchmark needs it)" >&2
  exit 2
fi

java_version=$(java -version 2>&1 | head -1)
say "machine: $(nproc) cores, $java_version, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows here)"

# ---- 1. token server over HTTP, then JMH ------------------------------------------------------------------------------
say "[1/3] token server: packaged jar over HTTP, $CLIENTS clients, ${TS_WARMUP} s warm-up + ${TS_SECONDS} s, then JMH bare decrypt"
ts_props=token-server/target/bench/token-server-load.properties
rm -f "$ts_props"
"${MVN[@]}" -pl token-server test -Pload -DskipTests -Dbench.clients="$CLIENTS" -Dbench.seconds="$TS_SECONDS" \
  -Dbench.warmup.seconds="$TS_WARMUP" 2>&1 | tee "$OUT/token-server.log" \
  | grep --line-buffered -E '^(token server|warm-up|measured|built|errors|FAILED|JMH|\tat |Caused by)|^# (Benchmark|Threads):|^Iteration|^Result|^Benchmark|ExchangeBenchmark\.|BUILD|ERROR' || true
[ -f "$ts_props" ] && [ "$ts_props" -nt "$marker" ] || fail "token server load (see $OUT/token-server.log)"
prop() { grep -E "^$1=" "$ts_props" | cut -d= -f2-; }
[ "$(prop ts.errors)" = 0 ] || fail "token server: $(prop ts.errors) failed exchanges"

# ---- 2. credential API ------------------------------------------------------------------------------------------------
say "[2/3] credential API: token reads vs /whoami, $CLIENTS clients (10 s warm-up each, 20 s each measured)"
ca_report=credential-api/target/bench/token-read-benchmark.txt
"${MVN[@]}" -pl credential-api test -Pbench -Dbench.clients="$CLIENTS" 2>&1 | tee "$OUT/credential-api.log" \
  | grep --line-buffered -E '^(warm-up|GET |credential-api benchmark|token reads /)|Tests run:|BUILD|ERROR' || true
[ -f "$ca_report" ] && [ "$ca_report" -nt "$marker" ] || fail "credential API benchmark (see $OUT/credential-api.log)"

# ---- 3. control plane -------------------------------------------------------------------------------------------------
say "[3/3] control plane: $SESSIONS sessions at once, $RECONCILE_THREADS reconcile threads"
cp_report=control-plane/target/benchmark-results.txt
cp_before=$( [ -f "$cp_report" ] && wc -l < "$cp_report" || echo 0)
"${MVN[@]}" -pl control-plane test -Pbenchmark -Dbenchmark.sessions="$SESSIONS" -Dbenchmark.threads="$RECONCILE_THREADS" 2>&1 \
  | tee "$OUT/control-plane.log" | grep --line-buffered -E 'benchmark sessions=|Tests run:|BUILD|ERROR' || true
cp_after=$( [ -f "$cp_report" ] && wc -l < "$cp_report" || echo 0)
[ "$cp_after" -gt "$cp_before" ] || fail "control plane benchmark (see $OUT/control-plane.log)"
cp_line=$(tail -1 "$cp_report")

# ---- table ------------------------------------------------------------------------------------------------------------
# num REGEX: the first number REGEX's first group captures, from stdin (REGEX is an extended sed regex).
num() { sed -nE "s#.*$1.*#\1#p" | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

ts_rate=$(prop ts.exchanges_per_s); ts_p50=$(prop ts.p50_ms); ts_p99=$(prop ts.p99_ms)
jt=$(prop jmh.threads)
bare_t=$(prop "jmh.bareRsa4096OaepDecrypt.t$jt"); bare_1=$(prop jmh.bareRsa4096OaepDecrypt.t1); full_t=$(prop "jmh.fullExchange.t$jt")

whoami=$(grep -E '^GET /whoami' "$ca_report"); reads=$(grep -E '^GET /credentials' "$ca_report")
w_rate=$(num ' ([0-9.]+) req/s' <<<"$whoami"); w_p50=$(num 'p50 +([0-9.]+) ms' <<<"$whoami"); w_p99=$(num 'p99 +([0-9.]+) ms' <<<"$whoami")
r_rate=$(num ' ([0-9.]+) req/s' <<<"$reads"); r_p50=$(num 'p50 +([0-9.]+) ms' <<<"$reads"); r_p99=$(num 'p99 +([0-9.]+) ms' <<<"$reads")
r_err=$(num ' ([0-9]+) err' <<<"$reads")

cp_ms=$(num 'all pods exist after ([0-9]+) ms' <<<"$cp_line"); cp_pods=$(num '\(([0-9.]+) pods/s' <<<"$cp_line")
cp_rec=$(num 'so far, ([0-9.]+) reconciles/s' <<<"$cp_line")

{
  echo
  echo "Services beside their floors: $(nproc) cores, $java_version, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end,"
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), command: bench/services.sh (CLIENTS=$CLIENTS)"
  echo
  printf '| %-14s | %-78s | %-58s | %-5s |\n' service figure floor ratio
  printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..80})" "$(printf -- '-%.0s' {1..60})" "-------"
  printf '| %-14s | %-78s | %-58s | %-5s |\n' "token server" \
    "GET /token over HTTP, $CLIENTS clients: $ts_rate exchanges/s, p50 $ts_p50 ms, p99 $ts_p99 ms, 0 errors" \
    "JMH bare RSA-4096 OAEP decrypt, $jt threads: $bare_t/s" "$(ratio "$ts_rate" "$bare_t")"
  printf '| %-14s | %-78s | %-58s | %-5s |\n' "token server" \
    "JMH full exchange in-process, $jt threads: $full_t/s" \
    "JMH bare RSA-4096 OAEP decrypt, $jt threads: $bare_t/s" "$(ratio "$full_t" "$bare_t")"
  printf '| %-14s | %-78s | %-58s | %-5s |\n' "" "" "(bare decrypt, 1 thread: $bare_1/s)" ""
  printf '| %-14s | %-78s | %-58s | %-5s |\n' "credential API" \
    "token reads, $CLIENTS clients: $r_rate reads/s, p50 $r_p50 ms, p99 $r_p99 ms, $r_err errors" \
    "GET /whoami: $w_rate req/s, p50 $w_p50 ms, p99 $w_p99 ms" "$(ratio "$r_rate" "$w_rate")"
  printf '| %-14s | %-78s | %-58s | %-5s |\n' "control plane" \
    "$SESSIONS sessions at once: all pods after $(awk -v m="$cp_ms" 'BEGIN{printf "%.1f", m/1000}') s, $cp_pods pods/s ($cp_rec reconciles/s)" \
    "none measured ($RECONCILE_THREADS reconcile threads)" "-"
  echo
  echo "token server detail: server CPU $(prop ts.server_cpu_pct)% of $(nproc) cores during the window" \
    "($(prop ts.server_cpu_ms_per_exchange) ms CPU per exchange), driver CPU $(prop ts.driver_cpu_pct)%," \
    "$(prop ts.requests) exchanges in $(prop ts.seconds) s, $(prop ts.sessions) sessions ($(prop ts.registry_lookups) registry lookups)," \
    "load average $(prop loadavg.start) at start, $(prop loadavg.after_http) after HTTP, $(prop loadavg.after_jmh) after JMH"
  echo "full logs: $OUT (token-server.log, credential-api.log, control-plane.log)"
} | tee "$OUT/summary.txt"
say "done in $(($(date +%s) - begin)) s"
