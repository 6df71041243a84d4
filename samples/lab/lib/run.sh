# The steps every scenario is made of (sourced by regenerate.sh).
# A scenario file defines DESCRIPTION (markdown), MUST_FIRE, MUST_NOT_FIRE and a function `scenario`
# that calls these steps.

# begin NAME CLIENT_NS: fresh topology, fresh work directories, default configuration.
begin() {
    SCENARIO=$1
    CLIENT_NS=$2
    W="$WORK/$SCENARIO"
    rm -rf "$W"
    mkdir -p "$W/server" "$W/client" "$W/client2"
    topology_up
    scenario_defaults
}

# capture: tcpdump at the server and at the client (and at the second client when CLIENT2_NS is set).
capture() {
    start_tcpdump lab-srv eth0 "$W/server.pcap"
    start_tcpdump "$CLIENT_NS" eth0 "$W/client.pcap"
    if [ -n "${CLIENT2_NS:-}" ]; then
        start_tcpdump "$CLIENT2_NS" eth0 "$W/client2.pcap"
    fi
    sleep 0.5
}

# daemons: write configs, start both charons (and the LNS), load the configs.
daemons() {
    write_server "$W/server"
    write_client "$W/client"
    charon_conf "$W/server" "${S_CHARON_EXTRA[@]}"
    charon_conf "$W/client" "${C_CHARON_EXTRA[@]}"
    start_charon lab-srv "$W/server"
    start_charon "$CLIENT_NS" "$W/client"
    load_swanctl lab-srv "$W/server"
    load_swanctl "$CLIENT_NS" "$W/client"
    write_lns "$W/server"
    start_xl2tpd lab-srv "$W/server"
}

# second_client: the same client configuration started in CLIENT2_NS.
second_client() {
    write_client "$W/client2"
    charon_conf "$W/client2" "${C_CHARON_EXTRA[@]}"
    start_charon "$CLIENT2_NS" "$W/client2"
    load_swanctl "$CLIENT2_NS" "$W/client2"
}

# initiate [DIR NS]: Main Mode + Quick Mode from the client; returns swanctl's status.
initiate() {
    local dir=${1:-$W/client} ns=${2:-$CLIENT_NS}
    swanctl_in "$ns" "$dir" --initiate --child l2tp --timeout 60 >> "$dir/swanctl.out" 2>&1 && INITIATED=yes || INITIATED=no
}

# l2tp [DIR NS SECONDS]: start the LAC; the call reaches ICCN, then CDN because pppd cannot run.
l2tp() {
    local dir=${1:-$W/client} ns=${2:-$CLIENT_NS} seconds=${3:-6}
    write_lac "$dir"
    start_xl2tpd "$ns" "$dir"
    LAC_PID=${LAB_PIDS[-1]}
    sleep "$seconds"
}

# hangup: stop the LAC (it sends StopCCN), then delete the IKE SA from the client.
hangup() {
    local dir=${1:-$W/client} ns=${2:-$CLIENT_NS}
    if [ -n "${LAC_PID:-}" ]; then
        # "d lab" asks the LAC to close its tunnel (StopCCN) before it is stopped.
        if [ -p "$dir/l2tp-control" ]; then echo "d lab" > "$dir/l2tp-control"; sleep 2; fi
        stop_pid "$LAC_PID"
        LAC_PID=""
        sleep 1
    fi
    swanctl_in "$ns" "$dir" --terminate --ike l2tp-client --timeout 10 >> "$dir/swanctl.out" 2>&1 || true
    sleep 1
}

# finish: stop everything, tear the topology down, copy the results into samples/captures/NAME.
finish() {
    sleep 1
    stop_all
    topology_down
    local out="$CAPTURES/$SCENARIO" role
    rm -rf "$out"
    mkdir -p "$out/configs"
    cp "$W/server.pcap" "$W/client.pcap" "$out/"
    if [ -s "$W/client2.pcap" ]; then cp "$W/client2.pcap" "$out/"; fi
    for role in server client client2; do
        if [ -s "$W/$role/charon.log" ]; then cp "$W/$role/charon.log" "$out/charon-$role.log"; fi
        if [ -s "$W/$role/xl2tpd.log" ]; then cp "$W/$role/xl2tpd.log" "$out/xl2tpd-$role.log"; fi
        if [ -s "$W/$role/swanctl/swanctl.conf" ]; then cp "$W/$role/swanctl/swanctl.conf" "$out/configs/swanctl-$role.conf"; fi
        if [ -s "$W/$role/xl2tpd.conf" ]; then cp "$W/$role/xl2tpd.conf" "$out/configs/xl2tpd-$role.conf"; fi
        if [ -s "$W/$role/charon-ike4.log" ]; then
            keep_ike4_log "$W/$role/charon-ike4.log" "$out/charon-$role-ike4.log"
        fi
    done
    write_decryption_table "$W" "$out"
    write_expected "$out"
    write_readme "$out"
    echo "== $SCENARIO: $(du -sh "$out" | cut -f1)"
}
