# Sourced by pppd-uml-server.sh / pppd-uml-client.sh (bash). Boots user-mode-linux
# with the host / as a READ-ONLY hostfs root and runs the Debian pppd inside it.
# The UML serial line ttyS0 is a host pty whose master end socat relays to TCP.
#
# Caller sets: ROLE (server|client), PORT, AUTH, SOCAT_TCP (socat TCP address)
# and calls: lab_setup; <append pppd options to $RUN/options>; lab_run
# Extra env: UML_MEM (96M), PPPD_EXTRA, LAB_UP_CMD (see the two scripts).
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
UML_MEM=${UML_MEM:-96M}

lab_setup() {
  case "$AUTH" in none|pap|chap|mschapv2|any) ;; *) lab_die "AUTH must be none|pap|chap|mschapv2|any";; esac
  lab_check_port "$PORT"
  command -v linux >/dev/null || lab_die "user-mode-linux is not installed (no 'linux' on PATH)"
  command -v uml_mconsole >/dev/null || lab_die "uml-utilities is not installed (no uml_mconsole)"
  [[ -d /usr/lib/uml/modules ]] || lab_die "no /usr/lib/uml/modules (package user-mode-linux)"
  [[ -e /usr/sbin/pppd ]] || lab_die "no /usr/sbin/pppd (package ppp)"
  lab_mkrun "$ROLE-$PORT"
  # Both paths go onto the UML kernel command line and are hostfs-mounted inside.
  [[ "$LAB_LOGS$RUN" != *[[:space:]]* ]] || lab_die "LAB_LOGS and LAB_RUN_BASE must not contain white space: $LAB_LOGS"
  LOG=$LAB_LOGS/pppd-$ROLE-$PORT.log
  CONSOLE=$LAB_LOGS/uml-$ROLE-$PORT.console
  SOCAT_LOG=$LAB_LOGS/socat-$ROLE-$PORT.log
  : > "$LOG"
  # PID 1 of UML: a private copy, so the project checkout needs no exec bit or fixed path
  install -m 755 "$LAB_HERE/uml-init.sh" "$RUN/init"
  mkdir -p "$RUN/etc" "$RUN/mods/lib/modules"
  ln -s /usr/lib/uml/modules/* "$RUN/mods/lib/modules/"
  # client / server / secret / allowed-IPs ; copied into a tmpfs /etc/ppp inside UML
  printf '"%s" * "%s" *\n' "$PPP_USER" "$PPP_PASS" > "$RUN/etc/pap-secrets"
  cp "$RUN/etc/pap-secrets" "$RUN/etc/chap-secrets"
  : > "$RUN/etc/options"
  # ip-up: record the addresses; optional LAB_UP_CMD runs inside UML once IP is up
  cat > "$RUN/etc/ip-up" <<IPUP
#!/bin/sh
exec >> "$LOG" 2>&1
echo "LAB ip-up: iface=\$1 local=\$4 remote=\$5 dns1=\$DNS1 dns2=\$DNS2"
${LAB_UP_CMD:-}
IPUP
  chmod +x "$RUN/etc/ip-up"
  printf '%s\n' /dev/ttyS0 115200 local nodetach debug "logfile $LOG" > "$RUN/options"
}

# lab_stop SIG: signal pppd inside UML (TERM = graceful, LCP TermReq; HUP = line
# dropped), then wait up to 8 s for UML to power off.
lab_stop() {
  # before READY, init may not trap ctrl-alt-del yet (it would reboot UML): just kill
  [[ -n "${READY:-}" && -n "${UML_PID:-}" ]] && kill -0 "$UML_PID" 2>/dev/null || return 0
  echo "$1" > "$RUN/stop"
  uml_mconsole "$RUN/$UMID/mconsole" cad >/dev/null 2>&1 || true
  for _ in $(seq 80); do kill -0 "$UML_PID" 2>/dev/null || return 0; sleep 0.1; done
}

lab_cleanup() {
  lab_stop TERM
  [[ -n "${SOCAT_PID:-}" ]] && kill "$SOCAT_PID" 2>/dev/null
  [[ -n "${WATCH_PID:-}" ]] && kill "$WATCH_PID" 2>/dev/null
  # UML runs in its own session / process group (setsid): kill whatever is left of it
  [[ -n "${UML_PID:-}" ]] && kill -KILL -- "-$UML_PID" 2>/dev/null
  wait 2>/dev/null
}

lab_run() {
  local t0=$SECONDS
  # Master end of a fresh pty <-> TCP. wait-slave: socat starts the TCP side only
  # after UML has opened the slave end; pty-interval 0.05 instead of the 1 s default.
  socat -d -d "PTY,link=$RUN/tty,raw,echo=0,wait-slave,pty-interval=0.05" "$SOCAT_TCP" 2> "$SOCAT_LOG" &
  SOCAT_PID=$!
  for _ in $(seq 50); do [[ -e "$RUN/tty" ]] && break; sleep 0.1; done
  [[ -e "$RUN/tty" ]] || lab_die "socat did not create the pty: $(tail -n 3 "$SOCAT_LOG")"
  UMID=lab-$ROLE-$PORT-$$
  TMPDIR=$RUN setsid linux mem="$UML_MEM" uml_dir="$RUN" umid="$UMID" \
    rootfstype=hostfs rootflags=/ ro init="$RUN/init" \
    LAB_RUN="$RUN" LAB_LOGS="$LAB_LOGS" pty.legacy_count=0 quiet \
    con=null con0=null,fd:1 ssl=null ssl0=tty:"$RUN/tty" \
    < /dev/null > "$CONSOLE" 2>&1 &
  UML_PID=$!
  # Ready = pppd has attached ttyS0, or its connect script waits (SERVER_MODE=active);
  # plus lab_ready_extra: the server's socat listens / the client's socat is connected.
  until { grep -q '^Connect: ppp0' "$LOG" 2>/dev/null || [[ -e "$RUN/waiting" ]]; } && lab_ready_extra; do
    kill -0 "$UML_PID" 2>/dev/null || { tail -n 40 "$CONSOLE" >&2; lab_die "UML exited early (console: $CONSOLE)"; }
    kill -0 "$SOCAT_PID" 2>/dev/null || lab_die "socat: $(grep ' E ' "$SOCAT_LOG" | tail -n 1)"
    (( SECONDS - t0 < READY_TIMEOUT )) || { tail -n 20 "$CONSOLE" >&2; lab_die "not ready after ${READY_TIMEOUT}s"; }
    sleep 0.05
  done
  READY=1
  # SERVER_MODE=active: tell the waiting connect script once a client is connected
  if [[ -n "${LAB_ON_CONNECT:-}" ]]; then
    ( until grep -qs 'starting data transfer loop' "$SOCAT_LOG"; do sleep 0.05; done; touch "$RUN/connected" ) &
    WATCH_PID=$!
  fi
  echo "READY pppd-uml-$ROLE port=$PORT auth=$AUTH log=$LOG console=$CONSOLE startup_ms=$(lab_startup_ms)"
  # Until UML powers off (pppd exited) or socat exits (TCP closed -> hang up pppd).
  wait -n "$UML_PID" "$SOCAT_PID" || true
  kill -0 "$UML_PID" 2>/dev/null && lab_stop HUP
  wait "$UML_PID" 2>/dev/null || true
  UML_PID=
  local rc; rc=$(cat "$RUN/pppd.rc" 2>/dev/null || echo 99)
  echo "DONE pppd-uml-$ROLE port=$PORT pppd_exit=$rc"
  exit "$rc"
}

lab_ready_extra() { :; }
