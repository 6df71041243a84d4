# Daemons logging through a real syslog stack, as on a Debian or Fedora host (sourced by the
# syslog-* scenario files after regenerate.sh's own libraries; nothing else uses it).
#
# Each lab host (server, client) gets a "log host": systemd-journald (the distribution's binary, run
# outside systemd in a mount and UTS namespace of its own, /run bound to DIR/run, a lab machine-id,
# no kernel messages) receives the daemons' syslog() calls on its dev-log socket, and forwards them
# (ForwardToSyslog=yes) to rsyslogd listening on journald's syslog socket, the way Debian wires the
# two. rsyslogd writes three files with its built-in templates:
#   syslog-bsd.txt      RSYSLOG_TraditionalFileFormat  "Dec  7 08:12:01 vpn-server charon[123]: ..."
#   syslog-iso.txt      RSYSLOG_FileFormat             "2026-12-07T08:12:01.123456+00:00 vpn-server ..."
#   syslog-rfc5424.txt  RSYSLOG_SyslogProtocol23Format "<30>1 2026-12-07T08:12:01.123456+00:00 vpn-server charon 123 - - ..."
# and journalctl exports the journal as short, short-iso, short-precise and json. charon logs through
# its `syslog` logger, xl2tpd with -l, pluto without logfile=. Each daemon runs in its network
# namespace with a private /run and a private /dev whose `log` is the journald socket of its host.

# log_host_conf_journald DIR: journald.conf for the log host in DIR.
log_host_conf_journald() {
    cat > "$1/journald.conf" <<'EOF'
[Journal]
Storage=volatile
ForwardToSyslog=yes
ReadKMsg=no
RateLimitIntervalSec=0
RateLimitBurst=0
EOF
}

# log_host_conf_rsyslog DIR HOSTNAME: rsyslogd listening where journald forwards, three file shapes.
log_host_conf_rsyslog() {
    local dir=$1 host=$2
    cat > "$dir/rsyslog.conf" <<EOF
global(workDirectory="$dir/rsyslog" localHostname="$host")
module(load="imuxsock" SysSock.Name="$dir/run/systemd/journal/syslog" SysSock.UsePIDFromSystem="on")
*.* action(type="omfile" file="$dir/syslog-bsd.txt" template="RSYSLOG_TraditionalFileFormat")
*.* action(type="omfile" file="$dir/syslog-iso.txt" template="RSYSLOG_FileFormat")
*.* action(type="omfile" file="$dir/syslog-rfc5424.txt" template="RSYSLOG_SyslogProtocol23Format")
EOF
}

# The script run as "sh -c" for journald ($1 host name, $2 log host directory).
# shellcheck disable=SC2016
JOURNALD_IN_OWN_MOUNTS='set -e
hostname "$1"
mount --bind "$2/run" /run
mount --bind "$2/journald.conf" /etc/systemd/journald.conf
mount --bind "$2/machine-id" /etc/machine-id
exec /lib/systemd/systemd-journald'

# log_host ROLE HOSTNAME: journald and rsyslogd for the lab host ROLE; its socket is LOG_SOCKET_<ROLE>.
log_host() {
    local role=$1 host=$2 dir="$W/$1/loghost"
    mkdir -p "$dir/run/systemd/journal" "$dir/run/log/journal" "$dir/rsyslog"
    # A fixed machine-id per lab host: the exports name the lab's host, not the machine that ran it.
    printf '%s\n' "$(printf 'vpndiag-lab-%s' "$host" | md5sum | cut -c1-32)" > "$dir/machine-id"
    log_host_conf_journald "$dir"
    log_host_conf_rsyslog "$dir" "$host"
    rsyslogd -n -f "$dir/rsyslog.conf" -i "$dir/rsyslogd.pid" > "$dir/rsyslogd.out" 2>&1 &
    remember $!
    wait_until test -S "$dir/run/systemd/journal/syslog" || { echo "rsyslogd for $role did not start" >&2; return 1; }
    unshare -m -u --propagation private sh -c "$JOURNALD_IN_OWN_MOUNTS" journald-lab "$host" "$dir" > "$dir/journald.out" 2>&1 &
    remember $!
    wait_until test -S "$dir/run/systemd/journal/dev-log" || { echo "journald for $role did not start" >&2; return 1; }
}

# log_socket ROLE: the path daemons of ROLE use as /dev/log.
log_socket() { echo "$W/$1/loghost/run/systemd/journal/dev-log"; }

# The script run as "sh -c" for a daemon logging to syslog ($1 the log socket, then the command).
# shellcheck disable=SC2016
DAEMON_WITH_DEV_LOG='set -e
mount -t tmpfs lab-run /run
mkdir -p /run/host-dev
mount --rbind /dev /run/host-dev
mount -t tmpfs lab-dev /dev
ln -s /run/host-dev/* /dev/
ln -sf "$1" /dev/log
shift
exec "$@"'

# start_logged NS ROLE OUTPUT COMMAND...: COMMAND in namespace NS, /dev/log being ROLE's log host.
start_logged() {
    local ns=$1 role=$2 output=$3
    shift 3
    ip netns exec "$ns" unshare -m --propagation private sh -c "$DAEMON_WITH_DEV_LOG" daemon-lab "$(log_socket "$role")" "$@" > "$output" 2>&1 &
    remember $!
}

# charon_conf_syslog DIR IKE_NAME: after charon_conf, charon's syslog logger (daemon facility, the
# file loggers' levels) in place of the lab's silent one; the identifier is charon's default.
charon_conf_syslog() {
    local dir=$1 ike_name=$2
    sed -i "s/^        identifier = charon-lab$/        daemon {\n            default = 1\n            ike = 2\n            cfg = 2\n            knl = 1\n            ike_name = $ike_name\n        }/" "$dir/strongswan.conf"
    grep -q 'ike_name = '"$ike_name"'$' "$dir/strongswan.conf" || { echo "charon_conf_syslog: no syslog section in $dir/strongswan.conf" >&2; return 1; }
}

# start_charon_logged NS ROLE DIR
start_charon_logged() {
    local ns=$1 role=$2 dir=$3
    start_logged "$ns" "$role" "$dir/charon.stdout" env STRONGSWAN_CONF="$dir/strongswan.conf" /usr/lib/ipsec/charon
    wait_until test -S "$dir/charon.vici" || { echo "charon in $ns did not start" >&2; return 1; }
}

# start_xl2tpd_logged NS ROLE DIR: xl2tpd in the foreground, logging to syslog (-l).
start_xl2tpd_logged() {
    local ns=$1 role=$2 dir=$3
    start_logged "$ns" "$role" "$dir/xl2tpd.stdout" sh -c 'mkdir -p /run/xl2tpd && exec xl2tpd -D -l -c "$1/xl2tpd.conf" -s "$1/l2tp-secrets" -p "$1/xl2tpd.pid" -C "$1/l2tp-control"' xl2tpd-lab "$dir"
    sleep 0.5
}

# log_hosts_copy: after finish (or libreswan_finish): each host's syslog files and journal exports
# into the scenario directory as ROLE-syslog-bsd.txt ... ROLE-journal.json.
log_hosts_copy() {
    local out="$CAPTURES/$SCENARIO" role dir journal shape
    for role in server client; do
        dir="$W/$role/loghost"
        [ -d "$dir" ] || continue
        for shape in bsd iso rfc5424; do
            if [ -s "$dir/syslog-$shape.txt" ]; then cp "$dir/syslog-$shape.txt" "$out/$role-syslog-$shape.txt"; fi
        done
        journal="$dir/run/log/journal"
        # Everything but the kernel's ring buffer (ReadKMsg=no already; this keeps the machine that
        # ran the lab out of the samples if a journald ignores it).
        for shape in short short-iso short-precise json; do
            journalctl -D "$journal" -o "$shape" --no-pager _TRANSPORT=syslog _TRANSPORT=journal _TRANSPORT=stdout _TRANSPORT=driver \
                > "$out/$role-journal-$shape.txt" 2>/dev/null || true
        done
        mv "$out/$role-journal-json.txt" "$out/$role-journal.json"
    done
}

# log_hosts_expected LOG_ONLY...: expected.json with the rules each shape alone must fire ("logOnly")
# and the shapes ("logShapes": file name endings; the files of one ending are one bundle).
log_hosts_expected() {
    local out="$CAPTURES/$SCENARIO"
    # shellcheck disable=SC2086
    printf '{\n  "mustFire": %s,\n  "mustNotFire": %s,\n  "logOnly": %s,\n  "logShapes": %s\n}\n' \
        "$(json_list $MUST_FIRE)" "$(json_list $MUST_NOT_FIRE)" "$(json_list "$@")" \
        "$(json_list syslog-bsd.txt syslog-iso.txt syslog-rfc5424.txt journal-short.txt journal-short-iso.txt journal-short-precise.txt journal.json)" > "$out/expected.json"
}

# log_hosts_readme_note: the paragraph the scenario README gets about these files.
log_hosts_readme_note() {
    cat <<EOF

## The syslog and journal files

The daemons logged through a real syslog stack ($(rsyslogd -v 2>/dev/null | head -1 | cut -d, -f1), $(/lib/systemd/systemd-journald --version 2>/dev/null | head -1 || echo systemd-journald)), made by
\`samples/lab/lib/log-hosts.sh\`: per lab host, systemd-journald (run outside systemd in its own
namespaces) receives the daemons' syslog() calls and forwards them to rsyslogd, as Debian wires the
two. charon logs through its \`syslog\` logger (daemon facility, \`ike 2\`), xl2tpd with \`-l\`,
pluto without \`logfile=\`. Files, ROLE being server or client:
\`ROLE-syslog-bsd.txt\` (rsyslog's traditional file format, RFC 3164 time stamps),
\`ROLE-syslog-iso.txt\` (rsyslog's default high-precision format), \`ROLE-syslog-rfc5424.txt\`
(RFC 5424 lines, RSYSLOG_SyslogProtocol23Format), \`ROLE-journal-short.txt\`,
\`ROLE-journal-short-iso.txt\`, \`ROLE-journal-short-precise.txt\` and \`ROLE-journal.json\`
(\`journalctl -o short|short-iso|short-precise|json\`). expected.json's \`logShapes\` lists these
endings: the files of one ending, alone, must give the rules under \`logOnly\`.
journald forwards to rsyslogd over a datagram socket and drops lines of a burst when the socket is
full (the journal then says "Forwarding to syslog missed N messages"): the journal exports hold
every line, the rsyslog files part of charon's configuration dump.
EOF
}
