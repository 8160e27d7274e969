#!/usr/bin/env bash
# Framing benchmarks: a C FCS-16 baseline, the JMH suite, and each Java result as a ratio to the
# baseline of the same run. Takes about 2 minutes. Extra arguments go to JMH.
#
#   jras-bench/run.sh
#
# Scores are MB/s of payload (10^6 information octets per second; each benchmark moves one
# 1500-octet random payload per operation). The C baseline runs before and after JMH, and the
# faster of the two is used, so that a busy machine during one of them flatters nobody.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target="$here/target"

# Java 25 or newer: JAVA_HOME if it is one, else the Temurin 25 of the build machines.
java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { print $2 }'
}
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 25 ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

echo "== building (JAVA_HOME=$JAVA_HOME)"
(cd "$root" && ./mvnw -B -q -pl jras-bench -am package -DskipTests)
mkdir -p "$target"
gcc -O2 -Wall -o "$target/fcs16_baseline" "$here/src/main/c/fcs16_baseline.c"

baseline() {
    "$target/fcs16_baseline" 3 | awk '/fcs16_baseline_MBps/ { print $2 }'
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== C baseline (FCS-16 slicing-by-8, gcc -O2, 3 s)"
before=$(baseline)
echo "   $before MB/s"

echo "== JMH (1 fork, 3 x 1 s warmup, 5 x 1 s measurement)"
csv="$target/jmh-framing.csv"
# JMH 1.37 itself still calls sun.misc.Unsafe; the flag only silences Java 25's warning about it.
unsafe=--sun-misc-unsafe-memory-access=allow
"$JAVA_HOME/bin/java" "$unsafe" -jar "$target/benchmarks.jar" 'io\.jras\.bench\.framing\.' \
    -f 1 -wi 3 -w 1s -i 5 -r 1s -jvmArgsAppend "$unsafe" -rf csv -rff "$csv" "$@"

echo "== C baseline again"
after=$(baseline)
echo "   $after MB/s"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"

awk -v before="$before" -v after="$after" -F',' '
    function unquote(s) { gsub(/["\r]/, "", s); return s }
    BEGIN {
        c = (before > after) ? before : after
        printf "\nFraming, MB/s of payload; C baseline %.0f MB/s (before %.0f, after %.0f)\n", c, before, after
        printf "%-30s %9s %8s %7s %8s  %s\n", "benchmark", "MB/s", "+-", "x C", "target", "met"
        target["EncoderBenchmark.encode/00000000"] = 0.50
        target["EncoderBenchmark.encode/ffffffff"] = 0.40
        target["DecoderBenchmark.decode/"] = 0.35
        target["FcsBenchmark.fcs16/"] = 0.75
        name["EncoderBenchmark.encode/00000000"] = "encoder, ACCM 00000000"
        name["EncoderBenchmark.encode/ffffffff"] = "encoder, ACCM ffffffff"
        name["DecoderBenchmark.decode/"] = "decoder, ACCM 00000000"
        name["FcsBenchmark.fcs16/"] = "FCS-16 alone"
        name["FcsBenchmark.fcs32/"] = "FCS-32 (java.util.zip.CRC32)"
    }
    { sub(/\r$/, "") }
    NR == 1 { next }
    {
        bench = unquote($1); sub(/^io\.jras\.bench\.framing\./, "", bench)
        key = bench "/" unquote($8)
        score = $5 + 0; error = $6 + 0
        label = (key in name) ? name[key] : key
        if (key in target) {
            ratio = score / c
            printf "%-30s %9.0f %8.0f %7.2f %8s  %s\n", label, score, error, ratio, sprintf(">=%.2f", target[key]), (ratio >= target[key]) ? "yes" : "NO"
        } else {
            printf "%-30s %9.0f %8.0f %7.2f %8s  %s\n", label, score, error, score / c, "-", "-"
        }
    }' "$csv"
