# Starting and stopping charon, xl2tpd and tcpdump inside the lab namespaces (sourced by regenerate.sh).
# Every process started here is remembered by pid and stopped by pid, newest first.

LAB_PIDS=()
IKE_MARK=0x42

remember() { LAB_PIDS+=("$1"); }

stop_pid() {   # stop_pid PID: SIGTERM, then wait up to 10 s, then SIGKILL
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

stop_all() {
    local i
    for ((i = ${#LAB_PIDS[@]} - 1; i >= 0; i--)); do
        stop_pid "${LAB_PIDS[i]}"
    done
    LAB_PIDS=()
}

# charon_conf DIR [extra charon settings...]: strongswan.conf for one charon instance.
# kernel-libipsec does ESP in userspace over a TUN device (this kernel has XFRM but no ESP); IKE and
# the UDP-encapsulated ESP leave through charon's socket marked IKE_MARK, and the routing rule to
# table 220 skips that mark so they are not looped back into the tunnel.
charon_conf() {
    local dir=$1
    shift
    cat > "$dir/strongswan.conf" <<EOF
charon {
    load = random nonce openssl pem pkcs1 pkcs8 x509 revocation constraints pubkey sha1 sha2 md5 hmac aes kdf gmp kernel-libipsec kernel-netlink socket-default vici updown
    install_virtual_ip = no
    retransmit_timeout = 2.0
    retransmit_base = 1.5
    retransmit_tries = 3
    i_dont_care_about_security_and_use_aggressive_mode_psk = yes
$(printf "    %s\n" "$@")
    syslog {
        identifier = charon-lab
    }
    filelog {
        ike2 {
            path = $dir/charon.log
            time_format = %b %e %T
            time_add_ms = yes
            ike_name = yes
            append = no
            flush_line = yes
            default = 1
            ike = 2
            cfg = 2
            knl = 1
        }
        ike4 {
            path = $dir/charon-ike4.log
            time_format = %b %e %T
            time_add_ms = yes
            ike_name = yes
            append = no
            flush_line = yes
            default = 1
            ike = 4
            chd = 4
            enc = 4
            mgr = 2
            net = 2
        }
    }
    plugins {
        kernel-libipsec {
            allow_peer_ts = yes
        }
        socket-default {
            fwmark = $IKE_MARK
        }
        kernel-netlink {
            fwmark = !$IKE_MARK
        }
        vici {
            socket = unix://$dir/charon.vici
        }
    }
}
swanctl {
    load = pem pkcs1 pkcs8 x509 openssl random
}
EOF
}

# start_charon NS DIR: charon with its own /run (its pid file lives there) in namespace NS.
start_charon() {
    local ns=$1 dir=$2
    ip netns exec "$ns" unshare -m sh -c 'mount -t tmpfs lab-run /run && exec env STRONGSWAN_CONF="$1/strongswan.conf" /usr/lib/ipsec/charon' \
        charon-lab "$dir" > "$dir/charon.stdout" 2>&1 &
    remember $!
    local i
    for i in $(seq 1 50); do
        [ -S "$dir/charon.vici" ] && break
        sleep 0.1
    done
    [ -S "$dir/charon.vici" ] || { echo "charon in $ns did not start" >&2; return 1; }
}

# swanctl_in NS DIR ARGS...: swanctl against that charon's vici socket.
swanctl_in() {
    local ns=$1 dir=$2
    shift 2
    STRONGSWAN_CONF="$dir/strongswan.conf" SWANCTL_DIR="$dir/swanctl" \
        ip netns exec "$ns" swanctl "$@" --uri "unix://$dir/charon.vici"
}

load_swanctl() {   # load_swanctl NS DIR
    local ns=$1 dir=$2
    STRONGSWAN_CONF="$dir/strongswan.conf" SWANCTL_DIR="$dir/swanctl" \
        ip netns exec "$ns" swanctl --load-all --noprompt --file "$dir/swanctl/swanctl.conf" \
        --uri "unix://$dir/charon.vici" >> "$dir/swanctl.out" 2>&1
}

# start_tcpdump NS IFACE FILE
start_tcpdump() {
    ip netns exec "$1" tcpdump -i "$2" -n -s 0 -U --immediate-mode -w "$3" 2> "$3.tcpdump.log" &
    remember $!
    local i
    for i in $(seq 1 50); do
        grep -q "listening on" "$3.tcpdump.log" 2>/dev/null && break
        sleep 0.1
    done
}

# start_xl2tpd NS DIR: xl2tpd in the foreground (its log goes to DIR/xl2tpd.log), own /run.
start_xl2tpd() {
    local ns=$1 dir=$2
    ip netns exec "$ns" unshare -m sh -c 'mount -t tmpfs lab-run /run && mkdir -p /run/xl2tpd && exec xl2tpd -D -c "$1/xl2tpd.conf" -s "$1/l2tp-secrets" -p "$1/xl2tpd.pid" -C "$1/l2tp-control"' \
        xl2tpd-lab "$dir" > "$dir/xl2tpd.log" 2>&1 &
    remember $!
    sleep 0.5
}
