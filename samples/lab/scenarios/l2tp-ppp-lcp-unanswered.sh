DESCRIPTION="Direct client, pre-shared key. IPsec, the L2TP tunnel and the call come up inside ESP, but the PPP
peer on the LNS side never answers (a constructed PPP peer started with \"constructed-silent\": it reads
and logs, sends nothing; pppd cannot run on this kernel, see below). The client's constructed peer sends
LCP Configure-Requests every 3 s, gives up after 10 (\"LCP: timeout sending Config-Requests\", pppd's
defaults), and the LAC clears the call with a CDN. A Windows client would show error 718 (the remote
computer did not respond in a timely manner; PPP timeout)."
MUST_FIRE="ipsec-established ppp-lcp-loop"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected ppp-auth-failed ppp-ipcp-failed ppp-encryption-refused path-drop esp-ppp-stopped-inferred"
MUST_FIRE_NO_KEYS="ipsec-established"
MUST_NOT_FIRE_NO_KEYS="ike-no-response esp-not-received esp-l2tp-setup-unanswered l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused esp-ppp-stopped-inferred"
PPP_CONSTRUCTED=yes
ATTEMPTS_JSON='[{"failedStage": "ppp-lcp", "side": "server"}]'

scenario() {
    begin l2tp-ppp-lcp-unanswered lab-cd
    capture
    ipsec_daemons
    ppp_lns constructed-silent
    initiate
    ppp_lac 34
    hangup
    finish_ppp
}
