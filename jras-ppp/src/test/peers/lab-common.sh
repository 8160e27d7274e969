# Sourced by every peer script (bash): settings, run dir, cleanup hooks.
# The peers are third-party PPP implementations (pppd, slirp) on 127.0.0.1; nothing
# here is jras code. Contract (the same for every script):
#   stdout: "READY <peer> port=.. auth=.. log=<file> ... startup_ms=N" once usable;
#           the UML scripts then "DONE <peer> port=.. pppd_exit=N" and exit with it.
#   setup error: "ERROR: ..." on stderr, exit 2.  SIGTERM/SIGINT: clean up, exit 143.
#   Only what the script itself started is stopped; its run dir is deleted.
# Env: LAB_LOGS (logs dir, default /tmp/lab-logs), LAB_RUN_BASE (run dirs, default
#      /tmp/jras-peers), PPP_USER/PPP_PASS (alice/wonderland), READY_TIMEOUT (60 s),
#      LAB_PARENT_PID (optional: clean up and exit 143 when that process is gone).
set -euo pipefail
LAB_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_LOGS=${LAB_LOGS:-/tmp/lab-logs}
LAB_RUN_BASE=${LAB_RUN_BASE:-/tmp/jras-peers}
PPP_USER=${PPP_USER:-alice}
PPP_PASS=${PPP_PASS:-wonderland}
READY_TIMEOUT=${READY_TIMEOUT:-60}
LAB_START_NS=$(date +%s%N)

lab_die() { echo "ERROR: $*" >&2; exit 2; }

lab_check_port() {
  [[ "$1" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )) || lab_die "PORT must be a number 1..65535, got '$1'"
}

lab_check_free() {   # a listening socket on the port already? (servers only)
  ! ss -Hltn "sport = :$1" | grep -q . || lab_die "127.0.0.1:$1 is already in use"
}

# lab_mkrun NAME: create the private run dir $RUN, make LAB_LOGS absolute, install traps.
# The caller defines lab_cleanup (called once, on any exit).
lab_mkrun() {
  mkdir -p "$LAB_RUN_BASE" "$LAB_LOGS" || lab_die "cannot create $LAB_RUN_BASE or $LAB_LOGS"
  LAB_LOGS=$(cd "$LAB_LOGS" && pwd)
  RUN=$(mktemp -d "$LAB_RUN_BASE/$1.XXXXXX")
  trap lab_on_exit EXIT
  trap 'exit 143' INT TERM
  trap 'exit 141' PIPE        # our stdout reader went away: still clean up (EXIT trap)
  if [[ -n "${LAB_PARENT_PID:-}" ]]; then
    [[ "$LAB_PARENT_PID" =~ ^[0-9]+$ ]] || lab_die "LAB_PARENT_PID must be a pid"
    # the owner (e.g. a test JVM) died without stopping us: stop ourselves
    ( while kill -0 "$LAB_PARENT_PID" 2>/dev/null; do sleep 1; done; kill -TERM $$ ) </dev/null >/dev/null 2>&1 &
    PARENT_WATCH_PID=$!
  fi
}

lab_on_exit() {
  local rc=$?
  trap - EXIT INT TERM PIPE
  set +e
  [[ -n "${PARENT_WATCH_PID:-}" ]] && kill "$PARENT_WATCH_PID" 2>/dev/null
  lab_cleanup
  [[ -n "${RUN:-}" ]] && rm -rf "$RUN"
  exit "$rc"
}

lab_startup_ms() { echo $(( ($(date +%s%N) - LAB_START_NS) / 1000000 )); }
