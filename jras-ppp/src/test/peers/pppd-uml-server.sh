#!/bin/bash
# Usage: pppd-uml-server.sh PORT AUTH      AUTH = none|pap|chap|mschapv2
# Real Debian pppd as the ANSWERING side, inside user-mode-linux, reachable on
# TCP 127.0.0.1:PORT (raw RFC 1662 async-HDLC bytes, no telnet). One-shot: serves
# one TCP connection; exits with pppd's exit code when the link/UML goes down.
# Server 192.0.2.1, client gets 192.0.2.2, DNS 192.0.2.53/54; user alice/wonderland.
# Env: PPP_USER PPP_PASS LAB_LOGS(/tmp/lab-logs) PPPD_EXTRA("opt opt ...") READY_TIMEOUT(60)
#      SERVER_MODE=silent (default): pppd sends nothing until the client's first LCP frame
#      SERVER_MODE=active: pppd starts LCP (sends ConfReq) about 1.2 s after a client connects
ROLE=server PORT=${1:?usage: $0 PORT none|pap|chap|mschapv2} AUTH=${2:?usage: $0 PORT none|pap|chap|mschapv2}
source "$(dirname "${BASH_SOURCE[0]}")/uml-common.sh"
[[ "$AUTH" == any ]] && lab_die "server AUTH must be none|pap|chap|mschapv2"
lab_check_port "$PORT"
lab_check_free "$PORT"
SOCAT_TCP="TCP-LISTEN:$PORT,bind=127.0.0.1,reuseaddr"
lab_setup
case "$AUTH" in
  none)     echo noauth ;;
  pap)      echo require-pap ;;
  chap)     echo require-chap ;;
  mschapv2) echo require-mschap-v2 ;;
esac >> "$RUN/options"
case "${SERVER_MODE:-silent}" in
  silent) echo silent >> "$RUN/options" ;;
  active) # connect script: hold LCP until the host sees the TCP accept (touches $RUN/connected)
    printf '#!/bin/sh\ntouch %s/waiting\nwhile [ ! -e %s/connected ]; do sleep 0.1; done\n' "$RUN" "$RUN" > "$RUN/etc/wait-connect"
    chmod +x "$RUN/etc/wait-connect"; echo "connect /etc/ppp/wait-connect" >> "$RUN/options"; LAB_ON_CONNECT=1 ;;
  *) lab_die "SERVER_MODE must be silent|active" ;;
esac
printf '%s\n' name labserver 192.0.2.1:192.0.2.2 ms-dns 192.0.2.53 ms-dns 192.0.2.54 \
  nodefaultroute noproxyarp >> "$RUN/options"
echo "${PPPD_EXTRA:-}" >> "$RUN/options"
lab_ready_extra() { grep -qs 'listening on' "$SOCAT_LOG"; }
lab_run
