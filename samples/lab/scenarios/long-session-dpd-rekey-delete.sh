DESCRIPTION="Direct client, pre-shared key, a session of about 80 seconds with short timers: DPD every 5 s on
both sides (R_U_THERE / R_U_THERE_ACK informationals), the IPsec SA rekeyed by a new Quick Mode
every ~25 s (child rekey_time = 25s), the IKE SA rekeyed (IKEv1 reauthentication, a new Main Mode)
after ~50 s (the IPsec SA moves to the new IKE SA, the old IKE SA is deleted). The L2TP tunnel stays up
after its call ends (CDN), so xl2tpd sends an L2TP HELLO after 60 s idle, carried in ESP on the newest
SAs. At the end the client closes L2TP (StopCCN) and deletes every SA (Delete notifications)."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin long-session-dpd-rekey-delete lab-cd
    capture
    S_CONN_EXTRA="dpd_delay = 5s"
    C_CONN_EXTRA="dpd_delay = 5s
        rekey_time = 50s
        reauth_time = 0"
    C_CHILD_EXTRA="rekey_time = 25s"
    daemons
    initiate
    l2tp "" "" 75
    hangup
    finish
}
