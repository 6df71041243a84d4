DESCRIPTION="Direct client, pre-shared key. The client offers only AES-128/SHA-1/MODP-2048 for Phase 1; the
server accepts only AES-256/SHA-256/MODP-3072. The server answers Main Mode message 1 with an
informational NO_PROPOSAL_CHOSEN notify; no IKE SA."
MUST_FIRE="phase1-proposal-mismatch"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-auth-failed phase2-rejected esp-not-received l2tp-unprotected path-drop"

scenario() {
    begin phase1-proposal-mismatch lab-cd
    capture
    S_PROPOSALS="aes256-sha256-modp3072"
    C_PROPOSALS="aes128-sha1-modp2048"
    daemons
    initiate
    sleep 2
    finish
}
