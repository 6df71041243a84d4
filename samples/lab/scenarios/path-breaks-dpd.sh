DESCRIPTION="Direct client, pre-shared key, dead peer detection every 5 s on both sides (dpd_delay = 5s; the
client gives up after dpd_timeout = 20s). Main Mode and Quick Mode complete and the L2TP call runs
in ESP; then the Internet router starts dropping everything between client and server in both
directions (iptables FORWARD), as when a link or a stateful device on the path fails. The client's
R_U_THERE informationals (every 5 s) go unanswered; after 20 s it declares the server dead and
clears its SAs without a Delete. At hang-up the LAC's StopCCN then leaves in clear text (no IPsec
policy is left) and is lost too."
MUST_FIRE="dpd-timeout path-drop"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked phase1-auth-failed phase1-proposal-mismatch phase2-rejected path-modified"

scenario() {
    begin path-breaks-dpd lab-cd
    capture
    S_CONN_EXTRA="dpd_delay = 5s"
    C_CONN_EXTRA="dpd_delay = 5s
        dpd_timeout = 20s"
    daemons
    initiate
    l2tp "" "" 4
    firewall_drop -s 198.51.100.20 -d 203.0.113.10
    firewall_drop -s 203.0.113.10 -d 198.51.100.20
    sleep 35
    hangup
    finish
}
