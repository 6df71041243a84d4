DESCRIPTION="Direct client, pre-shared key, a very short IKE SA lifetime on the client (reauth_time = 10s, no
IPsec SA rekey): about every 10 s the client builds a new Main Mode to the same server, the IPsec SA
is handed over to it and the previous IKE SA is deleted. Over the ~50 s session the same two peers
establish Phase 1 five or more times, far more often than once a minute."
MUST_FIRE="rekey-churn ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin rekey-churn lab-cd
    capture
    C_CONN_EXTRA="reauth_time = 10s
        rekey_time = 0"
    C_CHILD_EXTRA="rekey_time = 0"
    daemons
    initiate
    l2tp "" "" 45
    hangup
    finish
}
