DESCRIPTION="Direct client, pre-shared key. IPsec, the L2TP tunnel and the call come up inside ESP; PPP runs
between two constructed PPP peers (pppd cannot run on this kernel; see below) with MS-CHAP-V2 (RFC
2759). The client's password is right, but the LNS refuses it as a Windows server does when the account has no dial-in permission (the Network Access Permission in the user's dial-in tab or the NPS network policy): its MS-CHAP-V2 Failure carries \"E=649 R=0 C=... V=3\" (ERROR_NO_DIALIN_PERMISSION), then an LCP
Terminate-Request; the call is cleared with a CDN. A Windows client shows error 649."
MUST_FIRE="ipsec-established ppp-auth-failed"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused path-drop esp-ppp-stopped-inferred"
MUST_FIRE_NO_KEYS="ipsec-established esp-ppp-stopped-inferred"
MUST_NOT_FIRE_NO_KEYS="ike-no-response esp-not-received esp-l2tp-setup-unanswered l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused"
PPP_CONSTRUCTED=yes
ATTEMPTS_NO_KEYS_JSON='[{"failedStage": null, "side": "unknown"}]'
ATTEMPTS_JSON='[{"failedStage": "ppp-auth", "side": "server"}]'

scenario() {
    mschapv2_ready
    begin l2tp-ppp-mschapv2-no-dialin lab-cd
    capture
    ipsec_daemons
    ppp_lns require-mschap-v2 "constructed-mschapv2-error 649"
    initiate
    ppp_lac 6
    hangup
    finish_ppp
    mschapv2_done
}
