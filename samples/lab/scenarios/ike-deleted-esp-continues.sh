DESCRIPTION="Direct client, pre-shared key. The client reauthenticates its IKE SA every ~25 s (reauth_time =
25s): a new Main Mode builds a second IKE SA, the IPsec SA is handed over to it
without a new Quick Mode, and the first IKE SA is deleted with an ISAKMP Delete only. ESP on the SPIs
negotiated under the deleted IKE SA keeps flowing afterwards: the
L2TP tunnel stays up after its call ends (CDN) and xl2tpd sends an L2TP HELLO after 60 s idle, in
ESP on the SPIs of the first Quick Mode (no Quick Mode rekey: rekey_time = 0 for the IPsec SA)."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin ike-deleted-esp-continues lab-cd
    capture
    C_CONN_EXTRA="reauth_time = 25s
        rekey_time = 0"
    C_CHILD_EXTRA="rekey_time = 0"
    daemons
    initiate
    l2tp "" "" 66
    hangup
    finish
}
