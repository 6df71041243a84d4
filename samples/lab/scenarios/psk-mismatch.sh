DESCRIPTION="Direct client whose pre-shared key differs from the server's (client: \"wrong-secret-on-the-client\").
Main Mode messages 1 to 4 pass; the server cannot decrypt/verify message 5 (the keys derive from the
PSK), so the client's message 5 is retransmitted and answered, if at all, only by an informational
notify; no IKE SA is established. charon-server.log names the failure."
MUST_FIRE="phase1-auth-failed"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-proposal-mismatch esp-not-received l2tp-unprotected path-drop"

scenario() {
    begin psk-mismatch lab-cd
    capture
    C_PSK="wrong-secret-on-the-client"
    daemons
    initiate
    sleep 2
    finish
}
