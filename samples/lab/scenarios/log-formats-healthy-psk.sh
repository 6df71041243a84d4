source "$LAB/lib/log-formats.sh"
DESCRIPTION="healthy-psk again (direct client, pre-shared key, Main Mode, Quick Mode, L2TP through ESP, then
hang-up), with both charons also writing their log in three more shapes (lib/log-formats.sh):
charon-ROLE-notime.log, charon-ROLE-hms.log (\`%H:%M:%S\` with milliseconds and log level) and
charon-ROLE-iso.log (ISO time with zone)."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin log-formats-healthy-psk lab-cd
    capture
    log_formats_add
    daemons
    initiate
    l2tp
    hangup
    finish
    log_formats_copy ipsec-established
}
