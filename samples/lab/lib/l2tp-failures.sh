# Steps for the L2TP failures inside ESP (sourced by regenerate.sh): IKEv1 and the IPsec SA come up
# as in the other scenarios, then the L2TP control connection inside ESP fails.

# ipsec_daemons: both charons as `daemons` starts them, but no LNS on the server.
ipsec_daemons() {
    write_server "$W/server"
    write_client "$W/client"
    charon_conf "$W/server" "${S_CHARON_EXTRA[@]}"
    charon_conf "$W/client" "${C_CHARON_EXTRA[@]}"
    start_charon lab-srv "$W/server"
    start_charon "$CLIENT_NS" "$W/client"
    load_swanctl lab-srv "$W/server"
    load_swanctl "$CLIENT_NS" "$W/client"
}

# lns_allowing ADDRESS: the LNS with xl2tpd's access control on, accepting tunnels only from
# ADDRESS ("lac = ..." in the LNS section): any other LAC's SCCRQ is refused with StopCCN.
lns_allowing() {
    write_lns "$W/server"
    sed -i -e 's/^\[global\]$/[global]\naccess control = yes/' -e "s/^\[lns default\]$/[lns default]\nlac = $1/" "$W/server/xl2tpd.conf"
    start_xl2tpd lab-srv "$W/server"
    LNS_PID=${LAB_PIDS[-1]}
}

# lns: the LNS as `daemons` starts it, remembering its pid.
lns() {
    write_lns "$W/server"
    start_xl2tpd lab-srv "$W/server"
    LNS_PID=${LAB_PIDS[-1]}
}

# lns_vanishes: the LNS dies without a word (SIGKILL: no StopCCN), as when the service crashes.
lns_vanishes() { kill -KILL "$LNS_PID" 2>/dev/null || true; sleep 0.5; }

# lac_call [DIR]: ask the running LAC for a new call on its tunnel (xl2tpd control "c lab").
lac_call() { local dir=${1:-$W/client}; if [ -p "$dir/l2tp-control" ]; then echo "c lab" > "$dir/l2tp-control"; fi; }
