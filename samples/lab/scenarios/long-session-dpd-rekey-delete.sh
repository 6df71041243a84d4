DESCRIPTION="Direct client, pre-shared key, a session of about 80 seconds with short timers: DPD every 5 s on
both sides (R_U_THERE / R_U_THERE_ACK informationals), the IPsec SA rekeyed by a new Quick Mode
every ~25 s (child rekey_time = 25s), the IKE SA rekeyed (IKEv1 reauthentication, a new Main Mode)
after ~50 s; the L2TP LAC redials every 5 s so ESP keeps flowing. At the end the client closes L2TP
and deletes every SA (Delete notifications)."
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
    LAC_REDIAL=yes
    daemons
    initiate
    l2tp "" "" 80
    hangup
    finish
}
