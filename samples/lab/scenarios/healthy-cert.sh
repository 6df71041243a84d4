DESCRIPTION="Direct client, RSA certificates from the lab CA \"vpndiag Lab Root CA One\" on both sides (server
CN=vpn.lab.example with serverAuth and ikeIntermediate; client CN=client1.lab.example). Main Mode with
certificates (CERTREQ in messages 3/4, CERT and SIG in 5/6), Quick Mode and ESP both ways carrying
L2TP; the client then closes the tunnel and deletes the SAs."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified certificate-validity no-common-ca"

scenario() {
    begin healthy-cert lab-cd
    capture
    S_AUTH=pubkey
    C_AUTH=pubkey
    # Without IKE fragmentation: message 5 (2048-bit certificate) still fits the 1500-byte MTU.
    S_CONN_EXTRA="fragmentation = no"
    C_CONN_EXTRA="fragmentation = no"
    daemons
    initiate
    l2tp
    hangup
    finish
}
