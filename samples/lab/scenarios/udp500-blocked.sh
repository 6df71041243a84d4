DESCRIPTION="Direct client, pre-shared key. The Internet router's firewall drops UDP 500 from the server to the
client (iptables FORWARD: -p udp -s 203.0.113.10 --sport 500 -j DROP). The server receives Main Mode
message 1 and answers every copy; the answers never reach the client, which retransmits message 1 and
gives up. No IKE SA, no ESP, no L2TP."
MUST_FIRE="ike-no-response path-drop"
MUST_NOT_FIRE="ipsec-established phase1-auth-failed phase1-proposal-mismatch phase2-rejected esp-not-received l2tp-unprotected"

scenario() {
    begin udp500-blocked lab-cd
    firewall_drop -p udp -s 203.0.113.10 --sport 500
    capture
    daemons
    initiate
    finish
}
