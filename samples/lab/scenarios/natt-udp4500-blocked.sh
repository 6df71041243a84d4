DESCRIPTION="Client 192.168.1.10 behind the NAT router (public 198.51.100.2), pre-shared key. The Internet
router drops UDP 4500 towards the server (iptables FORWARD: -p udp -d 203.0.113.10 --dport 4500).
Main Mode messages 1 to 4 pass on UDP 500 and their NAT-D payloads show the NAT, so the client moves
to UDP 4500 for message 5, which never reaches the server; the client retransmits message 5 and gives
up. The server's last packet is Main Mode message 4."
MUST_FIRE="natt-udp4500-blocked nat-detected nat-observed path-drop"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-auth-failed phase1-proposal-mismatch esp-not-received l2tp-unprotected"

scenario() {
    begin natt-udp4500-blocked lab-c1
    firewall_drop -p udp -d 203.0.113.10 --dport 4500
    capture
    daemons
    initiate
    finish
}
