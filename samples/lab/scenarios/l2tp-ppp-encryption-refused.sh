DESCRIPTION="Direct client, pre-shared key. IPsec, the L2TP tunnel and the call come up inside ESP; PPP runs
between two constructed PPP peers (pppd cannot run on this kernel; see below). LCP opens and CHAP-MD5
succeeds; the LNS requires MPPE 128-bit encryption (\"require-mppe-128\": a CCP Configure-Request with
the MPPE option, RFC 3078) but the client runs no CCP (\"noccp\") and answers with an LCP
Protocol-Reject; the LNS closes the link (\"MPPE required but peer negotiation failed\") and the call is
cleared with a CDN. A Windows client that allows no encryption, facing a server that requires it,
shows error 741 (this computer does not support the required data encryption type); 742 is the
opposite case, a client requiring encryption the server does not offer."
MUST_FIRE="ipsec-established ppp-encryption-refused"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed path-drop esp-ppp-stopped-inferred"
MUST_FIRE_NO_KEYS="ipsec-established esp-ppp-stopped-inferred"
MUST_NOT_FIRE_NO_KEYS="ike-no-response esp-not-received esp-l2tp-setup-unanswered l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused"
PPP_CONSTRUCTED=yes
ATTEMPTS_JSON='[{"failedStage": "ppp-auth", "side": "client"}]'

scenario() {
    begin l2tp-ppp-encryption-refused lab-cd
    capture
    ipsec_daemons
    ppp_lns require-mppe-128
    initiate
    ppp_lac 6
    hangup
    finish_ppp
}
