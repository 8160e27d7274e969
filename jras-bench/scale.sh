#!/usr/bin/env bash
# The scale scenario: `jras serve` in one process, a jras ConnectionManager dialing it over TCP in
# another (io.jras.bench.scale.ServeScale). After a 5 s warm-up of cycles, holds N sessions past
# IPCP and measures the serving process's RSS (and live heap) per session and the setup rate, then
# runs full dial -> IPCP -> hang-up cycles with K in flight and reports cycles per second.
#
#   jras-bench/scale.sh [N [K [SECONDS]]]        defaults: 10000 sessions, 64 in flight, 15 s
#
# Environment:
#   SERVE_JAVA_OPTS   JVM options of the serving process (default below; documented in docs/benchmarks.md)
#   BENCH_JAVA_OPTS   JVM options of the dialing process
#   SCALE_AUTH        pap (default; a users file with one user) or none
#   SCALE_PORT        TCP port on 127.0.0.1 (default 47000)
#   SCALE_NO_BUILD=1  use the jars already built
#   SCALE_SERVE_JAR   the jras.jar to serve with (default: jras-cli/target/jras.jar), e.g. another build
#   SCALE_DIAG=DIR    also save the serving process's class histogram, thread dump, native memory summary (with
#                     -XX:NativeMemoryTracking=summary in SERVE_JAVA_OPTS) and smaps, with N sessions held
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work="$here/target/scale"
n=${1:-10000}
k=${2:-64}
seconds=${3:-15}
port=${SCALE_PORT:-47000}
auth=${SCALE_AUTH:-pap}
serve_opts=${SERVE_JAVA_OPTS--XX:+UseSerialGC -Xms32m -Xmx1g -Xmn16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20}
bench_opts=${BENCH_JAVA_OPTS--Xmx4g}

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { print $2 }'
}
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 25 ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

if [[ "${SCALE_NO_BUILD:-}" != 1 ]]; then
    echo "== building jras.jar and benchmarks.jar (JAVA_HOME=$JAVA_HOME)"
    (cd "$root" && ./mvnw -B -q -pl jras-cli,jras-bench -am package -DskipTests)
fi

# One socket per session on each side: each process needs N descriptors and some.
ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < n + 1000 )); then
    echo "scale.sh: the file limit $(ulimit -n) is too small for $n sessions" >&2
    exit 1
fi

mkdir -p "$work"
users="$work/users"
case "$auth" in
    pap) printf '# client  server  secret  addresses\nbench  *  bench-secret  *\n' > "$users"
         chmod 600 "$users"
         auth_args=(--auth pap --users "$users") ;;
    none) auth_args=(--auth none) ;;
    *) echo "scale.sh: SCALE_AUTH is pap or none" >&2; exit 2 ;;
esac

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
# jras serve runs its server inside the jras daemon (docs/server.md): start that daemon ourselves,
# on a private socket and with the serving JVM options, then ask it to serve. The process measured
# is the daemon (ServeScale finds the owner of the listening socket).
jar=${SCALE_SERVE_JAR:-$root/jras-cli/target/jras.jar}
socket="$work/jras.sock"
rm -f "$socket"
echo "== daemon: java $serve_opts -jar jras.jar daemon --socket $socket (log: $work/daemon.log)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $serve_opts -jar "$jar" daemon --socket "$socket" > "$work/daemon.log" 2>&1 &
daemon_pid=$!
echo "== serve: jras serve --socket $socket --listen tcp:127.0.0.1:$port ${auth_args[*]} (log: $work/serve.log)"
"$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" serve --socket "$socket" \
    --listen "tcp:127.0.0.1:$port" --pool 10.64.0.10-10.64.127.254 "${auth_args[@]}" \
    --max-sessions 20000 --rate 0 > "$work/serve.log" 2>&1 &
serve_pid=$!
stop_all() {
    kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null || true
    kill "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null || true
}
trap stop_all EXIT
# Wait for the listening socket; stop if serve or the daemon died.
until grep -q "listening on tcp:" "$work/serve.log" 2>/dev/null; do
    if ! kill -0 "$serve_pid" 2>/dev/null || ! kill -0 "$daemon_pid" 2>/dev/null; then
        echo "scale.sh: jras serve or its daemon exited:" >&2
        cat "$work/serve.log" "$work/daemon.log" >&2
        exit 1
    fi
    sleep 0.2
done

echo "== dialing: N=$n, K=$k in flight, ${seconds} s of cycles"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $bench_opts -cp "$here/target/benchmarks.jar" io.jras.bench.scale.ServeScale \
    --port "$port" --sessions "$n" --in-flight "$k" --seconds "$seconds" --user bench --password bench-secret
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
