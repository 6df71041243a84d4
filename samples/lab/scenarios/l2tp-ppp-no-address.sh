DESCRIPTION="Direct client, pre-shared key. IPsec, the L2TP tunnel and the call come up inside ESP; PPP runs
between two constructed PPP peers (pppd cannot run on this kernel; see below). LCP opens and CHAP-MD5
succeeds, but the LNS has no address to give (xl2tpd \"assign ip = no\", no ip range): it rejects the
client's IPCP request for address 0.0.0.0 (Configure-Reject, RFC 1332), the client cannot determine its
own address, closes IPCP (Terminate-Request \"Could not determine local IP address\") and then LCP
(\"No network protocols running\"), and the L2TP call is cleared with a CDN. A Windows client would
show error 720 (no PPP control protocols configured; the server could not assign an address)."
MUST_FIRE="ipsec-established ppp-ipcp-failed"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected ppp-auth-failed ppp-lcp-loop ppp-encryption-refused path-drop esp-ppp-stopped-inferred"
MUST_FIRE_NO_KEYS="ipsec-established esp-ppp-stopped-inferred"
MUST_NOT_FIRE_NO_KEYS="ike-no-response esp-not-received esp-l2tp-setup-unanswered l2tp-setup-failed ppp-auth-failed ppp-lcp-loop ppp-ipcp-failed ppp-encryption-refused"
PPP_CONSTRUCTED=yes
ATTEMPTS_JSON='[{"failedStage": "ppp-ipcp", "side": "server"}]'

scenario() {
    begin l2tp-ppp-no-address lab-cd
    capture
    ipsec_daemons
    PPP_LNS_CONF='s/^ip range = .*$/assign ip = no/'
    ppp_lns
    PPP_LNS_CONF=""
    initiate
    ppp_lac 6
    hangup
    finish_ppp
}
