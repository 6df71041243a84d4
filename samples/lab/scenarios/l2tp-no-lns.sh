DESCRIPTION="Direct client, pre-shared key. Main Mode and Quick Mode complete, but no L2TP server (xl2tpd) runs
on the VPN server. The LAC's SCCRQ travels in ESP and is retransmitted at xl2tpd's back-off intervals
with nothing coming back in ESP; the LAC finally gives up on the tunnel (xl2tpd-client.log: maximum
retries exceeded). The server's kernel answers each SCCRQ with ICMP port unreachable."
MUST_FIRE="l2tp-setup-failed"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop"
MUST_FIRE_NO_KEYS="esp-l2tp-setup-unanswered"
MUST_NOT_FIRE_NO_KEYS="ike-no-response esp-inner-setup-refused"
PENDING_WITH_KEYS="needs ESP decryption of issue 19 (keys from esp_sa) to read the L2TP inside"

scenario() {
    begin l2tp-no-lns lab-cd
    capture
    ipsec_daemons
    initiate
    l2tp "" "" 40
    hangup
    finish
}
