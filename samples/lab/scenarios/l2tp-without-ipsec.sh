DESCRIPTION="Direct client running L2TP to the server with no IPsec at all (no charon on either side): the L2TP
control connection (SCCRQ, SCCRP, SCCCN, ICRQ, ICRP, ICCN, CDN, StopCCN and ZLB acknowledgements)
travels in clear text on UDP 1701. The call ends with a CDN right after ICCN because pppd cannot run
in the lab."
MUST_FIRE="l2tp-unprotected l2tp-setup-failed"
MUST_NOT_FIRE="ipsec-established ike-no-response esp-not-received phase1-auth-failed path-drop"

scenario() {
    begin l2tp-without-ipsec lab-cd
    capture
    write_lns "$W/server"
    start_xl2tpd lab-srv "$W/server"
    l2tp
    hangup
    finish
}
