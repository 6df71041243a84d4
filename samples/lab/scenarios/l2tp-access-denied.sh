DESCRIPTION="Direct client, pre-shared key. Main Mode and Quick Mode complete; the LAC's SCCRQ travels in ESP,
but the LNS's xl2tpd has access control on and accepts tunnels only from 192.0.2.99 (\"access control =
yes\", \"lac = 192.0.2.99\"): it refuses the client's tunnel with a StopCCN (in ESP) and the L2TP
tunnel never comes up. xl2tpd-server.log names the refusal. Windows would show error 628/629-like
\"connection terminated by the remote computer\"."
MUST_FIRE="ipsec-established l2tp-setup-failed"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected path-drop"
MUST_FIRE_NO_KEYS="ipsec-established esp-inner-setup-refused"
MUST_NOT_FIRE_NO_KEYS="esp-l2tp-setup-unanswered ike-no-response esp-not-received"
PENDING_WITH_KEYS="needs ESP decryption of issue 19 (keys from esp_sa) to read the L2TP inside"

scenario() {
    begin l2tp-access-denied lab-cd
    capture
    ipsec_daemons
    lns_allowing 192.0.2.99
    initiate
    l2tp "" "" 8
    hangup
    finish
}
