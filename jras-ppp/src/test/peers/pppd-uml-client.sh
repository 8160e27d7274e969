#!/bin/bash
# Usage: pppd-uml-client.sh HOST_PORT AUTH   AUTH = none|pap|chap|mschapv2|any
# Real Debian pppd as the CALLING side, inside user-mode-linux; its serial line is
# connected to the TCP server on 127.0.0.1:HOST_PORT, which must be listening.
# AUTH limits which auth protocol(s) the client agrees to do (none = refuse all;
# any = whatever the server asks). Exits with pppd's exit code (0 ok, 13 maxconnect,
# 16 hangup, 19 we failed to authenticate, ...).
# Env: PPP_USER PPP_PASS LAB_LOGS(/tmp/lab-logs) PPPD_EXTRA("opt opt ...", e.g. "maxconnect 5")
#      LAB_UP_CMD (sh command run inside UML when IPCP is up, $1=iface $4=local $5=remote;
#      its output goes to the pppd log) READY_TIMEOUT(60)
ROLE=client PORT=${1:?usage: $0 HOST_PORT AUTH} AUTH=${2:?usage: $0 HOST_PORT AUTH}
source "$(dirname "${BASH_SOURCE[0]}")/uml-common.sh"
SOCAT_TCP="TCP:127.0.0.1:$PORT"
lab_setup
refuse() { for a in pap chap mschap mschap-v2 eap; do [[ " $* " == *" $a "* ]] || echo "refuse-$a"; done; }
case "$AUTH" in
  none) refuse ;; pap) refuse pap ;; chap) refuse chap ;; mschapv2) refuse mschap-v2 ;; any) ;;
esac >> "$RUN/options"
printf '%s\n' "user $PPP_USER" noauth noipdefault ipcp-accept-local ipcp-accept-remote \
  usepeerdns nodefaultroute >> "$RUN/options"
echo "${PPPD_EXTRA:-}" >> "$RUN/options"
lab_ready_extra() { grep -qs 'starting data transfer loop' "$SOCAT_LOG"; }   # TCP connected
lab_run
