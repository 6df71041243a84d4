DESCRIPTION="Direct client authenticating with a certificate from the trusted CA One that expired on
2021-01-01 (CN=expired.lab.example, valid 2020-01-01 00:00:00 to 2021-01-01 00:00:00 UTC). Main Mode
1 to 4 pass; the server rejects the expired certificate in message 5 and answers with an encrypted
informational notify N(AUTHENTICATION-FAILED); no IKE SA. charon-server.log names the expiry
(\"subject certificate invalid (valid from Jan 01 00:00:00 2020 to Jan 01 00:00:00 2021)\")."
MUST_FIRE="certificate-validity phase1-auth-failed daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected path-drop no-common-ca"

scenario() {
    begin cert-expired lab-cd
    capture
    S_AUTH=pubkey
    C_AUTH=pubkey
    # Without IKE fragmentation: message 5 (2048-bit certificate) still fits the 1500-byte MTU.
    S_CONN_EXTRA="fragmentation = no"
    C_CONN_EXTRA="fragmentation = no"
    C_CERT=client-expired
    daemons
    initiate
    sleep 2
    finish
}
