# shellcheck source=../lib/libreswan.sh
source "$LAB/lib/libreswan.sh"
# shellcheck source=../lib/log-hosts.sh
source "$LAB/lib/log-hosts.sh"
DESCRIPTION="libreswan-server-psk-sa-install-fails again, every daemon logging through a real syslog stack
(lib/log-hosts.sh): pluto (no \`logfile=\`) and xl2tpd (\`-l\`) on the Libreswan server, charon
(\`syslog\` logger) on the strongSwan client, received by systemd-journald and forwarded to rsyslogd on
each lab host. Main Mode completes (pluto notes the NAT the strongSwan client fakes); pluto's kernel
refuses its inbound IPsec SA (this kernel has no ESP), so Quick Mode message 2 is never sent and
the client gives up. Each syslog and journal shape alone must give the diagnosis pluto's log gives."
MUST_FIRE="kernel-sa-install-failed phase2-rejected daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-auth-failed phase1-proposal-mismatch ikev1-refused-by-policy path-drop"

scenario() {
    begin syslog-libreswan-server-sa-install-fails lab-cd
    libreswan_defaults
    P_LOG=journald
    capture
    log_host server vpn-server
    log_host client vpn-client
    write_pluto_server "$W/server"
    ln -s "$(log_socket server)" "$W/server/syslog.sock"
    start_pluto lab-srv "$W/server" vpn-server
    pluto_load "$W/server"
    write_lns "$W/server"
    start_xl2tpd_logged lab-srv server "$W/server"
    write_client "$W/client"
    charon_conf "$W/client" "${C_CHARON_EXTRA[@]}"
    charon_conf_syslog "$W/client" no
    start_charon_logged "$CLIENT_NS" client "$W/client"
    load_swanctl "$CLIENT_NS" "$W/client"
    initiate
    write_lac "$W/client"
    start_xl2tpd_logged "$CLIENT_NS" client "$W/client"
    LAC_PID=${LAB_PIDS[-1]}
    sleep 6
    hangup
    libreswan_finish
    log_hosts_copy
    log_hosts_expected kernel-sa-install-failed phase2-rejected daemon-log-failure
    log_hosts_readme_note >> "$CAPTURES/$SCENARIO/README.md"
}
