DESCRIPTION="Direct client whose pre-shared key differs from the server's (client: \"wrong-secret-on-the-client\").
Main Mode messages 1 to 4 pass; the server cannot decrypt message 5 (the keys derive from the PSK):
charon-server.log says \"invalid ID_V1 payload length, decryption failed?\" and the server answers each
copy of message 5 with an encrypted informational carrying N(PAYLOAD-MALFORMED), which the client
cannot read either. The client retransmits message 5 and gives up; no IKE SA, no Quick Mode."
MUST_FIRE="phase1-auth-failed daemon-log-failure"
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
