#!/bin/bash
# Usage: slirp-server.sh PORT [AUTH]      AUTH = none (default) | pap | chap
# Listens on TCP 127.0.0.1:PORT; every accepted connection gets a fresh `slirp ppp`
# (userspace PPP + NAT, no kernel PPP needed) talking RFC 1662 framing on the socket.
# slirp stays passive until the client's first LCP ConfReq.
# Client gets 10.0.2.15; 10.0.2.2 = host loopback (127.0.0.1); 10.0.2.3 = DNS alias,
# pointed at 127.0.0.1 here so nothing leaves the machine.
# AUTH pap/chap: slirp requires the client to authenticate as PPP_USER/PPP_PASS
# (default alice/wonderland) using ~/.pap-secrets / ~/.chap-secrets of a per-connection HOME.
# Runs until SIGTERM/SIGINT. Log: $LAB_LOGS/slirp-PORT.log (socat + slirp banner).
# Env: PPP_USER PPP_PASS LAB_LOGS(/tmp/lab-logs) SLIRP_BANNER=1 (banner onto the link)
#      SLIRP_EXTRA (extra slirp options as shell words, e.g. SLIRP_EXTRA='"mtu 1500" debugppp')
PORT=${1:?usage: $0 PORT [none|pap|chap]} AUTH=${2:-none}
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
case "$AUTH" in none) A= ;; pap) A=+pap ;; chap) A=+chap ;; *) lab_die "AUTH must be none|pap|chap" ;; esac
lab_check_port "$PORT"
command -v slirp >/dev/null || lab_die "slirp is not installed"
command -v cc >/dev/null || lab_die "no C compiler 'cc' (packages gcc libc6-dev)"
lab_check_free "$PORT"
# socat runs in its own process group (setsid): killing the group also ends the
# per-connection socat children, whose pty hangup then ends each slirp.
lab_cleanup() { [[ -n "${SOCAT_PID:-}" ]] && kill -- "-$SOCAT_PID" 2>/dev/null && sleep 0.2; wait 2>/dev/null; }
lab_mkrun "slirp-$PORT"
LOG=$LAB_LOGS/slirp-$PORT.log
# no 4th (allowed-IP) field: slirp's old pppd-2.2 code would not treat '*' as a wildcard
printf '"%s" * "%s"\n' "$PPP_USER" "$PPP_PASS" > "$RUN/secrets"
# Debian's 64-bit slirp exits right after start (select() EINVAL); see slirp-select-fix.c
cc -shared -fPIC -O2 -o "$RUN/select-fix.so" "$LAB_HERE/slirp-select-fix.c" -ldl \
  || lab_die "cannot compile slirp-select-fix.c"
# Per connection: private HOME (slirp keeps its socket, rc and secrets files there).
cat > "$RUN/session.sh" <<SESSION
#!/bin/bash
export HOME=\$(mktemp -d "$RUN/conn.XXXXXX")
cp "$RUN/secrets" "\$HOME/.pap-secrets"; cp "$RUN/secrets" "\$HOME/.chap-secrets"
chmod 600 "\$HOME"/.*-secrets
cd "\$HOME"
LD_PRELOAD="$RUN/select-fix.so" slirp ppp nozeros ppp_exit "host addr 127.0.0.1" "dns 127.0.0.1" $A ${SLIRP_EXTRA:-}
rm -rf "\$HOME"
SESSION
chmod +x "$RUN/session.sh"

# slirp needs a tty: each connection gets a pty (raw). Its text banner goes to $LOG,
# or onto the link (before the first PPP frame) with SLIRP_BANNER=1.
X=; [[ "${SLIRP_BANNER:-0}" == 1 ]] && X=,stderr
setsid socat -d -d "TCP-LISTEN:$PORT,bind=127.0.0.1,reuseaddr,fork" "EXEC:$RUN/session.sh,pty,raw,echo=0,setsid,ctty$X" 2> "$LOG" &
SOCAT_PID=$!
t0=$SECONDS
until grep -qs 'listening on' "$LOG"; do
  kill -0 "$SOCAT_PID" 2>/dev/null || lab_die "socat: $(grep ' E ' "$LOG" | tail -n 1)"
  (( SECONDS - t0 < READY_TIMEOUT )) || lab_die "not ready after ${READY_TIMEOUT}s"
  sleep 0.05
done
echo "READY slirp port=$PORT auth=$AUTH log=$LOG startup_ms=$(lab_startup_ms)"
wait "$SOCAT_PID" || true
