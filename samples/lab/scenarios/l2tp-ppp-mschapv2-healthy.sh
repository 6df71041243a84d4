DESCRIPTION="Direct client, pre-shared key. IPsec, the L2TP tunnel and the call come up inside ESP; PPP runs
between two constructed PPP peers (pppd cannot run on this kernel; see below) with MS-CHAP-V2 as a
Windows RRAS server demands it (RFC 2759): LCP opens with CHAP algorithm 0x81, the client's NT-Response
is accepted, the server's Success carries the authenticator response (S=...) the client checks, IPCP
gives the client 192.168.100.10 and DNS, a few pings cross the link, and 8 s later the client hangs up
(LCP Terminate-Request \"User request\")."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused path-drop esp-ppp-stopped-inferred"
MUST_FIRE_NO_KEYS="ipsec-established"
MUST_NOT_FIRE_NO_KEYS="esp-l2tp-setup-unanswered esp-inner-setup-refused ike-no-response esp-not-received l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused esp-ppp-stopped-inferred"
PPP_CONSTRUCTED=yes
ATTEMPTS_NO_KEYS_JSON='[{"failedStage": null, "side": "unknown"}]'
ATTEMPTS_JSON='[{"failedStage": null, "side": "unknown"}]'

scenario() {
    mschapv2_ready
    begin l2tp-ppp-mschapv2-healthy lab-cd
    capture
    ipsec_daemons
    ppp_lns require-mschap-v2
    initiate
    ppp_lac 14 "constructed-hangup-after 8"
    hangup
    finish_ppp
    mschapv2_done
}
