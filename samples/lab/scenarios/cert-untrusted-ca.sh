DESCRIPTION="Direct client authenticating with a certificate (CN=untrusted.lab.example) issued by \"vpndiag Lab
Root CA Two\", a CA the server does not trust (the server trusts only CA One, which it names in its
CERTREQ). Main Mode 1 to 4 pass; the server rejects the client's certificate in message 5 and answers
with an encrypted informational notify N(AUTHENTICATION-FAILED); no IKE SA. charon-server.log says why (no trusted issuer)."
MUST_FIRE="no-common-ca phase1-auth-failed daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected path-drop certificate-validity"

scenario() {
    begin cert-untrusted-ca lab-cd
    capture
    S_AUTH=pubkey
    C_AUTH=pubkey
    # Without IKE fragmentation: message 5 (2048-bit certificate) still fits the 1500-byte MTU.
    S_CONN_EXTRA="fragmentation = no"
    C_CONN_EXTRA="fragmentation = no"
    C_CERT=client-untrusted
    daemons
    initiate
    sleep 2
    finish
}
