DESCRIPTION="Same as large-cert-fragments-dropped (8192-bit client certificate, the Internet router drops
non-first IP fragments) but both sides use IKEv1 fragmentation (fragmentation = yes, FRAGMENTATION
vendor ID): Main Mode message 5 is sent as several IKE fragment payloads each under the MTU, so
nothing is fragmented at the IP layer and Phase 1, Quick Mode and L2TP over ESP succeed."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin ike-fragmentation lab-cd
    firewall_drop -f
    capture
    S_AUTH=pubkey
    C_AUTH=pubkey
    C_CERT=client-big
    S_CONN_EXTRA="fragmentation = yes"
    C_CONN_EXTRA="fragmentation = yes"
    daemons
    initiate
    l2tp
    hangup
    finish
}
