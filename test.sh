#!/usr/bin/env bash
# THE jras test command (CI runs it too, through .ci/run):
#  1. the Debian packages of the real-peer harness: installed when missing and we are root
#  2. a JDK >= 25 (scripts/find-java.sh)
#  3. ./mvnw -B verify: unit tests (surefire), then the interop *IT (failsafe) against real
#     pppd (in user-mode-linux) and slirp on 127.0.0.1. Peer logs: */target/peer-logs/.
# Extra arguments go to Maven, e.g.  ./test.sh -pl jras-ppp -Dit.test=PeerHarnessIT
# Exits with Maven's status.
set -uo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" || exit 2
started=$SECONDS

PACKAGES=(user-mode-linux uml-utilities ppp slirp socat kmod iproute2 gcc libc6-dev python3 iputils-ping freeradius)
if command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p")
  done
  if (( ${#missing[@]} )); then
    if [[ $EUID -eq 0 ]]; then
      echo "test.sh: installing Debian packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      if ! { apt-get update -q && apt-get install -y -q "${missing[@]}"; } </dev/null; then
        echo "test.sh: FAILED to install ${missing[*]}" >&2
        exit 1
      fi
    else
      echo "test.sh: the real-peer tests need these Debian packages: ${missing[*]}" >&2
      echo "  install them as root:  apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
else
  echo "test.sh: warning: no dpkg-query, cannot check for: ${PACKAGES[*]}" >&2
fi
[[ $EUID -eq 0 ]] || echo "test.sh: warning: not root; the pppd/user-mode-linux interop tests need root" >&2

source scripts/find-java.sh
jras_find_java || exit 1
echo "test.sh: JAVA_HOME=$JAVA_HOME"

# counts come from this run's reports only
rm -rf ./*/target/surefire-reports ./*/target/failsafe-reports
./mvnw -B -ntp verify "$@"
rc=$?

passed=0 failed=0 skipped=0
for f in ./*/target/surefire-reports/TEST-*.xml ./*/target/failsafe-reports/TEST-*.xml; do
  [[ -f $f ]] || continue
  head=$(grep -m1 -o '<testsuite [^>]*>' "$f")
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$head"; }
  t=$(attr tests) e=$(attr errors) x=$(attr failures) s=$(attr skipped)
  (( failed += ${e:-0} + ${x:-0}, skipped += ${s:-0}, passed += ${t:-0} - ${e:-0} - ${x:-0} - ${s:-0} ))
done
echo "test.sh: ./mvnw verify exited $rc after $(( SECONDS - started )) s; peer logs under */target/peer-logs/"
echo "jras: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
