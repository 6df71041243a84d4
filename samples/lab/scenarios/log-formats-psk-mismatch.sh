source "$LAB/lib/log-formats.sh"
DESCRIPTION="psk-mismatch again (client PSK \"wrong-secret-on-the-client\"), with both charons also writing
their log in three more shapes (lib/log-formats.sh): charon-ROLE-notime.log (no time, no connection
name), charon-ROLE-hms.log (time of day only, milliseconds, log level: \`11:29:59.517 05[IKE1]\`) and
charon-ROLE-iso.log (ISO time with zone, no connection name). Each shape alone must give the same
diagnosis as charon-ROLE.log."
MUST_FIRE="phase1-auth-failed daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-proposal-mismatch esp-not-received l2tp-unprotected path-drop"

scenario() {
    begin log-formats-psk-mismatch lab-cd
    capture
    C_PSK="wrong-secret-on-the-client"
    log_formats_add
    daemons
    initiate
    sleep 2
    finish
    log_formats_copy phase1-auth-failed daemon-log-failure
}
