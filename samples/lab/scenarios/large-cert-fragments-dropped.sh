DESCRIPTION="Direct client authenticating with an 8192-bit RSA certificate (CN=bigkey.lab.example, CA One);
IKE fragmentation is off on both sides (fragmentation = no). Main Mode message 5 (certificate plus
1024-byte signature) exceeds the 1500-byte MTU and leaves the client as IP fragments; the Internet
router drops every non-first fragment (iptables FORWARD -f). The server sees only first fragments,
never reassembles message 5, and the client retransmits it and gives up while the smaller messages 1
to 4 passed."
MUST_FIRE="ike-fragments-lost path-drop"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-proposal-mismatch esp-not-received l2tp-unprotected"

scenario() {
    begin large-cert-fragments-dropped lab-cd
    firewall_drop -f
    capture
    S_AUTH=pubkey
    C_AUTH=pubkey
    C_CERT=client-big
    S_CONN_EXTRA="fragmentation = no"
    C_CONN_EXTRA="fragmentation = no"
    daemons
    initiate
    finish
}
