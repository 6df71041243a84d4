DESCRIPTION="Direct client, pre-shared key. The client reauthenticates its IKE SA after ~20 s (reauth_time =
20s, make-before-break): a new Main Mode builds a second IKE SA, the IPsec SA is handed over to it
without a new Quick Mode, and the first IKE SA is deleted with an ISAKMP Delete only. ESP on the SPIs
negotiated under the deleted IKE SA keeps flowing afterwards (the LAC redials every 5 s)."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin ike-deleted-esp-continues lab-cd
    capture
    C_CONN_EXTRA="reauth_time = 20s
        rekey_time = 0"
    C_CHILD_EXTRA="rekey_time = 0"
    C_CHARON_EXTRA=("make_before_break = yes")
    LAC_REDIAL=yes
    daemons
    initiate
    l2tp "" "" 40
    hangup
    finish
}
