# shellcheck source=../lib/log-hosts.sh
source "$LAB/lib/log-hosts.sh"
DESCRIPTION="weak-proposals again with SHA-1 (Phase 1 3DES/HMAC-SHA1/MODP-1024, DH group 2; Quick Mode ESP
3DES/HMAC-SHA1), every daemon logging through a real syslog stack (lib/log-hosts.sh): both charons
through their \`syslog\` logger, both xl2tpd with \`-l\`, received by systemd-journald and forwarded to
rsyslogd on each lab host. Main Mode, Quick Mode and the L2TP control connection inside ESP succeed
(the LNS then ends the call because pppd cannot run here). Each syslog and journal shape alone must
give the diagnosis its charon logs give."
MUST_FIRE="weak-crypto ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin syslog-weak-proposals lab-cd
    capture
    S_PROPOSALS="3des-sha1-modp1024"
    C_PROPOSALS="3des-sha1-modp1024"
    S_ESP="3des-sha1"
    C_ESP="3des-sha1"
    log_host server vpn-server
    log_host client vpn-client
    write_server "$W/server"
    write_client "$W/client"
    charon_conf "$W/server" "${S_CHARON_EXTRA[@]}"
    charon_conf "$W/client" "${C_CHARON_EXTRA[@]}"
    charon_conf_syslog "$W/server" yes
    charon_conf_syslog "$W/client" no
    start_charon_logged lab-srv server "$W/server"
    start_charon_logged "$CLIENT_NS" client "$W/client"
    load_swanctl lab-srv "$W/server"
    load_swanctl "$CLIENT_NS" "$W/client"
    write_lns "$W/server"
    start_xl2tpd_logged lab-srv server "$W/server"
    initiate
    write_lac "$W/client"
    start_xl2tpd_logged "$CLIENT_NS" client "$W/client"
    LAC_PID=${LAB_PIDS[-1]}
    sleep 6
    hangup
    finish
    log_hosts_copy
    log_hosts_expected weak-crypto ipsec-established
    log_hosts_readme_note >> "$CAPTURES/$SCENARIO/README.md"
}
