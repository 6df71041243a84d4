DESCRIPTION="Direct client, pre-shared key. IPsec, the L2TP tunnel and the call come up inside ESP; PPP runs
between two constructed PPP peers (pppd cannot run on this kernel; see below). LCP opens, the LNS
asks for CHAP-MD5, and the client answers with the wrong password (\"wrongpass\" where the LNS's
secrets hold \"labpass\"): the LNS sends CHAP Failure \"Access denied\" and an LCP Terminate-Request
\"Authentication failed\"; the client sends its own Terminate-Request, both links close, the L2TP call
is cleared with a CDN. A Windows client would show error 691 (user name or password not accepted)."
MUST_FIRE="ipsec-established ppp-auth-failed"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused path-drop esp-ppp-stopped-inferred"
MUST_FIRE_NO_KEYS="ipsec-established esp-ppp-stopped-inferred"
MUST_NOT_FIRE_NO_KEYS="ike-no-response esp-not-received esp-l2tp-setup-unanswered l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused"
PPP_CONSTRUCTED=yes
ATTEMPTS_JSON='[{"failedStage": "ppp-auth", "side": "server"}]'

scenario() {
    begin l2tp-ppp-auth-failed lab-cd
    capture
    ipsec_daemons
    ppp_lns
    initiate
    ppp_lac 6 "password wrongpass"
    hangup
    finish_ppp
}
