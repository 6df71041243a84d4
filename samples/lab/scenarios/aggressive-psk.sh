DESCRIPTION="Direct client, pre-shared key, Aggressive Mode (three messages; the client's identity
client@lab.example and the responder's hash travel unencrypted), then Quick Mode and ESP both ways
carrying L2TP. The server allows Aggressive Mode with PSK (charon
i_dont_care_about_security_and_use_aggressive_mode_psk = yes)."
MUST_FIRE="aggressive-mode ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin aggressive-psk lab-cd
    capture
    C_ID="client@lab.example"
    C_CONN_EXTRA="aggressive = yes"
    S_CONN_EXTRA="aggressive = yes"
    daemons
    initiate
    l2tp
    hangup
    finish
}
