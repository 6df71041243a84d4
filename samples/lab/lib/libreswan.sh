# Libreswan (pluto) in the lab, sourced by the libreswan-* scenario files after regenerate.sh's own
# libraries. Debian's libreswan package conflicts with strongSwan in apt, so it is never installed:
# its .deb (and the two libraries it needs that strongSwan's dependencies do not bring) is fetched
# with `apt-get download` and unpacked with `dpkg -x` into LIBRESWAN_ROOT, outside the repository.
# Each pluto runs from there in its lab network namespace and in a mount namespace of its own: a
# private tmpfs on /run (control socket, pid file), the unpacked helpers shown at /usr/libexec/ipsec
# (where Debian's binaries look for addconn and _updown), an NSS database made with certutil
# (libnss3-tools) and ipsec.conf / ipsec.secrets in the scenario's work directory. For syslog output
# /dev/log in that namespace is lib/syslog-receiver.py's socket.
#
# This kernel has XFRM but no ESP: pluto negotiates, then fails to install its IPsec SAs (the
# kernel answers "Protocol not supported"), which is one of the server-side causes the scenarios keep.

LIBRESWAN_ROOT=${LIBRESWAN_ROOT:-/opt/libreswan-private}
LIBRESWAN_PACKAGES=(libreswan libldns3 libevent-pthreads-2.1-7)

# libreswan_unpack: LIBRESWAN_ROOT holds Debian's pluto (fetched and unpacked if it does not yet).
libreswan_unpack() {
    if [ -x "$LIBRESWAN_ROOT/usr/libexec/ipsec/pluto" ]; then return 0; fi
    command -v certutil > /dev/null || { echo "libreswan.sh: certutil missing (apt-get install libnss3-tools)" >&2; return 1; }
    local tmp deb
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    if ! (cd "$tmp" && apt-get download "${LIBRESWAN_PACKAGES[@]}" > /dev/null 2>&1); then
        apt-get update > /dev/null
        (cd "$tmp" && apt-get download "${LIBRESWAN_PACKAGES[@]}" > /dev/null 2>&1)
    fi
    mkdir -p "$LIBRESWAN_ROOT"
    for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$LIBRESWAN_ROOT"; done
    ls "$tmp" > "$LIBRESWAN_ROOT/PACKAGES"
    rm -rf "$tmp"
}

libreswan_libs() { dirname "$(find "$LIBRESWAN_ROOT/usr/lib" -name 'libldns.so.3' | head -1)"; }

# libreswan_version: "Libreswan 4.10" (as pluto --version says).
libreswan_version() { LD_LIBRARY_PATH=$(libreswan_libs) "$LIBRESWAN_ROOT/usr/libexec/ipsec/pluto" --version 2>&1 | awk 'NR == 1 {print $1, $2}'; }

libreswan_defaults() {
    P_LOG=logtime            # logtime (logfile=, logtime=yes) | nologtime (logfile=, logtime=no) | syslog
    P_IKE="aes256-sha2_256-modp2048,aes128-sha1-modp2048"
    P_ESP="aes256-sha2_256,aes128-sha1"
    P_PSK="$LAB_PSK"
    P_IKEV1_POLICY=accept    # "" leaves the build's default (Debian's 4.x since 4.5-2 and Libreswan 5: drop)
    P_SETUP_EXTRA=""         # more lines in "config setup"
    P_CONN_EXTRA=""          # more lines in the connection
}

# pluto_setup DIR: the "config setup" section (logging as P_LOG says).
pluto_setup() {
    local dir=$1
    echo "config setup"
    case $P_LOG in
        logtime) printf '    logfile=%s/pluto.log\n    logtime=yes\n    logappend=no\n' "$dir" ;;
        nologtime) printf '    logfile=%s/pluto.log\n    logtime=no\n    logappend=no\n' "$dir" ;;
        syslog) ;;   # no logfile: pluto logs to syslog
    esac
    if [ -n "$P_IKEV1_POLICY" ]; then echo "    ikev1-policy=$P_IKEV1_POLICY"; fi
    cat <<EOF
    plutodebug=none
    uniqueids=yes
    virtual-private=%v4:10.0.0.0/8,%v4:192.168.0.0/16,%v4:172.16.0.0/12
$P_SETUP_EXTRA
EOF
}

# write_pluto_server DIR: the L2TP/IPsec PSK server the popular setup scripts configure (IKEv1,
# PSK, pfs=no, right=%any), in tunnel mode with host selectors for UDP 1701 because the lab's
# strongSwan clients (kernel-libipsec) can only propose tunnel mode.
write_pluto_server() {
    local dir=$1
    { pluto_setup "$dir"; cat <<EOF

conn l2tp-psk
    authby=secret
    ikev2=no
    pfs=no
    auto=add
    keyingtries=3
    rekey=no
    dpddelay=10
    dpdtimeout=90
    dpdaction=clear
    ikelifetime=8h
    keylife=1h
    type=tunnel
    left=$SERVER_IP
    leftprotoport=17/1701
    right=%any
    rightprotoport=17/%any
    ike=$P_IKE
    esp=$P_ESP
$P_CONN_EXTRA
EOF
    } > "$dir/ipsec.conf"
    printf '%s %%any : PSK "%s"\n' "$SERVER_IP" "$P_PSK" > "$dir/ipsec.secrets"
}

# write_pluto_client DIR ADDRESS: a Libreswan L2TP/IPsec client of the strongSwan server.
write_pluto_client() {
    local dir=$1 address=$2
    { pluto_setup "$dir"; cat <<EOF

conn l2tp-client
    authby=secret
    ikev2=no
    pfs=no
    auto=add
    keyingtries=1
    rekey=no
    type=tunnel
    left=$address
    leftprotoport=17/1701
    right=$SERVER_IP
    rightprotoport=17/1701
    ike=$P_IKE
    esp=$P_ESP
$P_CONN_EXTRA
EOF
    } > "$dir/ipsec.conf"
    printf '%s %s : PSK "%s"\n' "$address" "$SERVER_IP" "$P_PSK" > "$dir/ipsec.secrets"
}

# The script run as "sh -c" inside the daemon's own mount namespace ($1 root, $2 work dir, $3 libs).
# shellcheck disable=SC2016
PLUTO_IN_OWN_MOUNTS='set -e
mount -t tmpfs lab-run /run
mkdir -p /run/pluto /run/host-libexec /run/host-dev
mount --bind /usr/libexec /run/host-libexec
mount -t tmpfs lab-libexec /usr/libexec
ln -s /run/host-libexec/* /usr/libexec/
mkdir /usr/libexec/ipsec
mount --bind "$1/usr/libexec/ipsec" /usr/libexec/ipsec
if [ -S "$2/syslog.sock" ]; then
    mount --rbind /dev /run/host-dev
    mount -t tmpfs lab-dev /dev
    ln -s /run/host-dev/* /dev/
    ln -s "$2/syslog.sock" /dev/log
fi
export LD_LIBRARY_PATH="$3"
exec "$1/usr/libexec/ipsec/pluto" --nofork --config "$2/ipsec.conf" --secretsfile "$2/ipsec.secrets" --nssdir "$2/nss" --ipsecdir "$2/ipsec.d"'

# start_pluto NS DIR HOSTNAME: pluto with its own /run and NSS database; its pid goes to PLUTO_PID_<NS>.
start_pluto() {
    local ns=$1 dir=$2 host=$3 pid
    mkdir -p "$dir/nss" "$dir/ipsec.d"
    certutil -N -d "sql:$dir/nss" --empty-password
    if [ "$P_LOG" = syslog ]; then
        python3 "$LAB/lib/syslog-receiver.py" "$dir/syslog.sock" "$dir/pluto-syslog.log" "$host" &
        remember $!
        wait_until test -S "$dir/syslog.sock" || { echo "syslog receiver for $ns did not start" >&2; return 1; }
    fi
    ip netns exec "$ns" unshare -m --propagation private sh -c "$PLUTO_IN_OWN_MOUNTS" pluto-lab \
        "$LIBRESWAN_ROOT" "$dir" "$(libreswan_libs)" > "$dir/pluto.stdout" 2>&1 &
    pid=$!
    remember $pid
    echo "$pid" > "$dir/pluto.lab-pid"
    wait_until nsenter -t "$pid" -m test -S /run/pluto/pluto.ctl || { echo "pluto in $ns did not start" >&2; return 1; }
}

# in_pluto DIR COMMAND ARGS...: a Libreswan tool (whack, addconn) in that pluto's namespaces.
in_pluto() {
    local dir=$1 tool=$2
    shift 2
    nsenter -t "$(cat "$dir/pluto.lab-pid")" -m -n env LD_LIBRARY_PATH="$(libreswan_libs)" \
        "$LIBRESWAN_ROOT/usr/libexec/ipsec/$tool" "$@"
}

# pluto_load DIR: listen on the interfaces and add the connections (what "ipsec start" does).
pluto_load() {
    local dir=$1
    in_pluto "$dir" addconn --config "$dir/ipsec.conf" --ctlsocket /run/pluto/pluto.ctl --autoall >> "$dir/whack.out" 2>&1
}

# pluto_initiate DIR NAME: whack --initiate (it returns when pluto gives up or the SA is up; pluto
# retransmits for 60 s), its numbered progress lines kept in whack.out.
pluto_initiate() {
    local dir=$1 name=$2
    timeout 90 nsenter -t "$(cat "$dir/pluto.lab-pid")" -m -n env LD_LIBRARY_PATH="$(libreswan_libs)" \
        "$LIBRESWAN_ROOT/usr/libexec/ipsec/whack" --ctlsocket /run/pluto/pluto.ctl --name "$name" --initiate >> "$dir/whack.out" 2>&1 || true
}

# pluto_snapshot DIR: "ipsec status" (whack --status) and "ipsec trafficstatus" at this moment.
pluto_snapshot() {
    local dir=$1
    in_pluto "$dir" whack --ctlsocket /run/pluto/pluto.ctl --status > "$dir/ipsec-status.txt" 2>&1 || true
    in_pluto "$dir" whack --ctlsocket /run/pluto/pluto.ctl --trafficstatus > "$dir/ipsec-trafficstatus.txt" 2>&1 || true
}

# libreswan_server_daemons: pluto (and xl2tpd) on the server, strongSwan on the client.
libreswan_server_daemons() {
    write_pluto_server "$W/server"
    start_pluto lab-srv "$W/server" vpn-server
    pluto_load "$W/server"
    write_lns "$W/server"
    start_xl2tpd lab-srv "$W/server"
    write_client "$W/client"
    charon_conf "$W/client" "${C_CHARON_EXTRA[@]}"
    start_charon "$CLIENT_NS" "$W/client"
    load_swanctl "$CLIENT_NS" "$W/client"
}

# libreswan_client_daemons ADDRESS: strongSwan (and xl2tpd) on the server, pluto on the client.
libreswan_client_daemons() {
    write_server "$W/server"
    charon_conf "$W/server" "${S_CHARON_EXTRA[@]}"
    start_charon lab-srv "$W/server"
    load_swanctl lab-srv "$W/server"
    write_lns "$W/server"
    start_xl2tpd lab-srv "$W/server"
    write_pluto_client "$W/client" "$1"
    start_pluto "$CLIENT_NS" "$W/client" vpn-client
    pluto_load "$W/client"
}

# pluto_logs DIR OUT ROLE: the pluto log in the format the run wrote, named after it.
pluto_logs() {
    local dir=$1 out=$2 role=$3
    if [ -s "$dir/pluto.log" ]; then cp "$dir/pluto.log" "$out/pluto-$role-$P_LOG.log"; fi
    if [ -s "$dir/pluto-syslog.log" ]; then cp "$dir/pluto-syslog.log" "$out/pluto-$role-syslog.log"; fi
    if [ -s "$dir/ipsec-status.txt" ]; then cp "$dir/ipsec-status.txt" "$out/ipsec-status-$role.txt"; fi
    if [ -s "$dir/ipsec-trafficstatus.txt" ]; then cp "$dir/ipsec-trafficstatus.txt" "$out/ipsec-trafficstatus-$role.txt"; fi
    if [ -s "$dir/whack.out" ]; then cp "$dir/whack.out" "$out/whack-$role.txt"; fi
    if [ -s "$dir/ipsec.conf" ]; then cp "$dir/ipsec.conf" "$out/configs/ipsec-$role.conf"; fi
    if [ -s "$dir/ipsec.secrets" ]; then cp "$dir/ipsec.secrets" "$out/configs/ipsec-$role.secrets"; fi
}

# libreswan_finish: like finish (lib/run.sh), plus pluto's logs, snapshots and configuration.
libreswan_finish() {
    local pluto_dir role
    for role in server client; do
        if [ -f "$W/$role/pluto.lab-pid" ]; then pluto_snapshot "$W/$role"; fi
    done
    sleep 1
    stop_all
    topology_down
    local out="$CAPTURES/$SCENARIO"
    rm -rf "$out"
    mkdir -p "$out/configs"
    cp "$W/server.pcap" "$W/client.pcap" "$out/"
    for role in server client; do
        pluto_dir="$W/$role"
        if [ -s "$pluto_dir/charon.log" ]; then cp "$pluto_dir/charon.log" "$out/charon-$role.log"; fi
        if [ -s "$pluto_dir/charon-ike4.log" ]; then keep_ike4_log "$pluto_dir/charon-ike4.log" "$out/charon-$role-ike4.log"; fi
        if [ -s "$pluto_dir/xl2tpd.log" ]; then cp "$pluto_dir/xl2tpd.log" "$out/xl2tpd-$role.log"; fi
        if [ -s "$pluto_dir/swanctl/swanctl.conf" ]; then cp "$pluto_dir/swanctl/swanctl.conf" "$out/configs/swanctl-$role.conf"; fi
        if [ -s "$pluto_dir/xl2tpd.conf" ]; then cp "$pluto_dir/xl2tpd.conf" "$out/configs/xl2tpd-$role.conf"; fi
        pluto_logs "$pluto_dir" "$out" "$role"
    done
    write_decryption_table "$W" "$out"
    # The table holds charon's keys; with pluto as the client they are the server's, which do not
    # decrypt the client's messages (and with a PSK mismatch not even the same keys).
    if [ -f "$W/client/pluto.lab-pid" ]; then rm -f "$out/ikev1-decryption-table" "$out/esp_sa"; fi
    write_expected "$out"
    write_libreswan_readme "$out"
    echo "== $SCENARIO: $(du -sh "$out" | cut -f1)"
}

write_libreswan_readme() {   # write_libreswan_readme OUT
    local out=$1 pcap
    {
        echo "# $SCENARIO"
        echo
        echo "$DESCRIPTION"
        echo
        cat <<EOF
## How it was made

Real runs in network namespaces made by \`samples/lab/regenerate.sh $SCENARIO\`: Debian's
$(libreswan_version) (\`pluto\`, unpacked from \`$(grep '^libreswan_' "$LIBRESWAN_ROOT/PACKAGES" 2>/dev/null || echo 'the libreswan .deb')\` by
\`samples/lab/lib/libreswan.sh\`, never installed) on one end, strongSwan 5.9.8 (charon, swanctl) on the
other, xl2tpd 1.3.18 beside the server. Configurations as run are in \`configs/\`. Lab addresses: VPN
server 203.0.113.10, direct client 198.51.100.20, the Internet router 203.0.113.1 / 198.51.100.1
between them. \`server.pcap\` is tcpdump on the server's interface, \`client.pcap\` on the client's,
taken at the same time with the same clock.

Lab limits, true of every Libreswan scenario:
- This kernel has XFRM but no ESP. strongSwan does ESP in userspace (kernel-libipsec), which always
  UDP-encapsulates it and fakes NAT detection, so Main Mode moves to UDP 4500 at message 5 and pluto
  believes the strongSwan peer is behind a NAT. pluto uses the kernel (XFRM): when Quick Mode
  completes, its IPsec SAs cannot be installed and the kernel's refusal is in pluto's log.
- kernel-libipsec supports tunnel mode only, so the connections are tunnel mode with host selectors
  for UDP 1701.
- pppd cannot run (no /dev/ppp), and no L2TP call in these scenarios gets through IPsec to PPP.

Files: \`pluto-ROLE-logtime.log\` (pluto's \`logfile=\` with \`logtime=yes\`), \`pluto-ROLE-nologtime.log\`
(\`logtime=no\`), \`pluto-ROLE-syslog.log\` (pluto logging to syslog; /dev/log in its mount namespace
is \`samples/lab/lib/syslog-receiver.py\`, which writes what glibc sent with the host name added, as
rsyslog does), \`ipsec-status-ROLE.txt\` and \`ipsec-trafficstatus-ROLE.txt\` (\`ipsec whack --status\`
and \`--trafficstatus\` at the end of the run), \`whack-ROLE.txt\` (addconn's and whack's output),
\`charon-*.log\` / \`charon-*-ike4.log\` (the strongSwan peer at \`ike 2\` and at \`ike 4\`, [ENC] lines
removed), \`ikev1-decryption-table\` (the strongSwan client's IKE keys from its log; none when the
client is pluto), \`xl2tpd-*.log\`, \`expected.json\`.

## What the captures hold (generated from tshark)
EOF
        for pcap in "$out"/server.pcap "$out"/client.pcap; do
            if [ -f "$pcap" ]; then capture_facts "$pcap"; fi
        done
    } > "$out/README.md"
}

# "regenerate.sh --outputs" calls write_readme and write_expected (lib/outputs.sh) for every scenario
# it rewrites: once this file is loaded, a libreswan-* scenario gets its own README and logOnly list,
# the others keep theirs.
if ! declare -F write_strongswan_readme > /dev/null; then
    eval "$(declare -f write_readme | sed '1s/^write_readme/write_strongswan_readme/')"
    eval "$(declare -f write_expected | sed '1s/^write_expected/write_strongswan_expected/')"
    write_readme() {
        case $SCENARIO in
            libreswan-*) write_libreswan_readme "$@" ;;
            *) write_strongswan_readme "$@" ;;
        esac
    }
    # The Libreswan scenarios also name the rules a bundle of their logs alone must fire (LOG_ONLY).
    write_expected() {
        case $SCENARIO in
            libreswan-*)
                # shellcheck disable=SC2086
                printf '{\n  "mustFire": %s,\n  "mustNotFire": %s,\n  "logOnly": %s\n}\n' \
                    "$(json_list $MUST_FIRE)" "$(json_list $MUST_NOT_FIRE)" "$(json_list $LOG_ONLY)" > "$1/expected.json" ;;
            *) write_strongswan_expected "$@" ;;
        esac
    }
fi

libreswan_unpack
