#!/bin/sh
# PID 1 inside user-mode-linux (root = host / via hostfs, READ-ONLY).
# The host script passes LAB_RUN (run dir with pppd 'options' + etc/ files) and
# LAB_LOGS on the kernel command line; both are mounted read-write via hostfs.
# Everything else pppd writes (/etc/ppp, /run) lives in UML-private tmpfs.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/run
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /etc/ppp
mount -t hostfs -o "$LAB_RUN" hostfs "$LAB_RUN"
mount -t hostfs -o "$LAB_LOGS" hostfs "$LAB_LOGS"
cp -a "$LAB_RUN"/etc/. /etc/ppp/ && chmod 600 /etc/ppp/*secrets

# modprobe -d D looks in D/lib/modules/<ver>; the host script made that a symlink
# to /usr/lib/uml/modules/<ver> (the UML kernel's modules, with modules.dep).
modprobe -a -d "$LAB_RUN/mods" ppp_async bsd_comp ppp_deflate ppp_mppe ipv6 || echo "LAB: modprobe failed"
ip link set lo up 2>/dev/null

echo "LAB: uptime $(cut -d" " -f1 /proc/uptime)s, starting pppd $(tr '\n' ' ' < "$LAB_RUN/options")"
# Host stop request: it writes TERM (graceful, LCP TermReq) or HUP (line dropped)
# to $LAB_RUN/stop and sends ctrl-alt-del (uml_mconsole cad) = SIGINT to PID 1.
echo 0 > /proc/sys/kernel/ctrl-alt-del
trap 'kill -"$(cat "$LAB_RUN/stop" 2>/dev/null || echo TERM)" "$(cat /run/pppd.pid)" 2>/dev/null' INT
# pppd's status is taken by a subshell without traps: when the INT trap interrupts
# dash's `wait` while pppd exits on its own (e.g. "Modem hangup"), a second `wait`
# in this shell can answer 127 instead of pppd's code.
( pppd file "$LAB_RUN/options" & echo $! > /run/pppd.pid; wait $!; echo $? > /run/rc.tmp; mv /run/rc.tmp /run/pppd.rc ) &
W=$!
until [ -e /run/pppd.rc ]; do wait $W || kill -0 $W 2>/dev/null || break; done
rc=$(cat /run/pppd.rc 2>/dev/null || echo 99)
echo "$rc" > "$LAB_RUN/pppd.rc"
echo "LAB: pppd exited rc=$rc"
sync
umount "$LAB_LOGS" "$LAB_RUN" 2>/dev/null
echo o > /proc/sysrq-trigger   # power off UML
sleep 5
