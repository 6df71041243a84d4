DESCRIPTION="Direct client, pre-shared key. Main Mode and Quick Mode complete, the L2TP tunnel and call come up
inside ESP, and PPP runs end to end between two constructed PPP peers (pppd cannot run on this kernel;
see below): LCP opens (MRU 1400, magic numbers), the LNS authenticates the user with CHAP-MD5
(\"labuser\", accepted), IPCP gives the client 192.168.100.10 and DNS 192.168.100.1, three ICMP echoes
cross the link, LCP echoes flow both ways every 2 s, and the user hangs up 8 s later (LCP
Terminate-Request \"User request\" from the client, Terminate-Ack), after which the LAC clears the call
(CDN) and closes the tunnel (StopCCN). Nothing goes wrong."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused path-drop esp-ppp-stopped-inferred"
MUST_FIRE_NO_KEYS="ipsec-established"
MUST_NOT_FIRE_NO_KEYS="esp-l2tp-setup-unanswered esp-inner-setup-refused ike-no-response esp-not-received l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused esp-ppp-stopped-inferred"
PPP_CONSTRUCTED=yes
ATTEMPTS_JSON='[{"failedStage": null, "side": "unknown"}]'

scenario() {
    begin l2tp-ppp-healthy lab-cd
    capture
    ipsec_daemons
    ppp_lns
    initiate
    ppp_lac 14 "constructed-hangup-after 8"
    hangup
    finish_ppp
}
