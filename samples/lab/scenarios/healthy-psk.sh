DESCRIPTION="Direct client (no NAT), pre-shared key, IKEv1 Main Mode and Quick Mode succeed, ESP flows both
ways carrying the L2TP control connection (SCCRQ .. ICCN, CDN, StopCCN); the client then deletes the SAs."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin healthy-psk lab-cd
    capture
    daemons
    initiate
    l2tp
    hangup
    finish
}
