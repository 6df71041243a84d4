DESCRIPTION="Direct client, pre-shared key. Main Mode completes; in Quick Mode the client offers only ESP
AES-128/SHA-1 while the server accepts only ESP AES-256/SHA-256, so the server rejects Quick Mode
message 1 with an encrypted informational NO_PROPOSAL_CHOSEN notify. No CHILD SA, no ESP, no L2TP."
MUST_FIRE="phase2-rejected"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-auth-failed phase1-proposal-mismatch esp-not-received l2tp-unprotected path-drop"

scenario() {
    begin phase2-proposal-mismatch lab-cd
    capture
    S_ESP="aes256-sha256"
    C_ESP="aes128-sha1"
    daemons
    initiate
    sleep 2
    finish
}
