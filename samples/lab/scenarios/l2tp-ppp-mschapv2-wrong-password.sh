DESCRIPTION="Direct client, pre-shared key. IPsec, the L2TP tunnel and the call come up inside ESP; PPP runs
between two constructed PPP peers (pppd cannot run on this kernel; see below) with MS-CHAP-V2 (RFC
2759). The client answers the challenge with the wrong password (\"wrongpass\" where the LNS's secrets
hold \"labpass\"): the LNS sends the MS-CHAP-V2 Failure \"E=691 R=0 C=... V=3 M=Access denied\" and an
LCP Terminate-Request; the call is cleared with a CDN. A Windows client shows error 691."
MUST_FIRE="ipsec-established ppp-auth-failed"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused path-drop esp-ppp-stopped-inferred"
MUST_FIRE_NO_KEYS="ipsec-established esp-ppp-stopped-inferred"
MUST_NOT_FIRE_NO_KEYS="ike-no-response esp-not-received esp-l2tp-setup-unanswered l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused"
PPP_CONSTRUCTED=yes
ATTEMPTS_NO_KEYS_JSON='[{"failedStage": null, "side": "unknown"}]'
ATTEMPTS_JSON='[{"failedStage": "ppp-auth", "side": "server"}]'

scenario() {
    mschapv2_ready
    begin l2tp-ppp-mschapv2-wrong-password lab-cd
    capture
    ipsec_daemons
    ppp_lns require-mschap-v2
    initiate
    ppp_lac 6 "password wrongpass"
    hangup
    finish_ppp
    mschapv2_done
}
