DESCRIPTION="Direct client, pre-shared key. Main Mode and Quick Mode complete; then the client's link MTU drops
to 200 bytes (ip link set eth0 mtu 200) and the Internet router drops non-first IP fragments
(iptables -f). The client's kernel fragments every UDP-encapsulated ESP packet larger than 200
bytes (the L2TP SCCRQ, 226 bytes on the wire): the first fragment arrives at the server, the rest
never does, so those packets never complete and the server never answers the SCCRQ. Smaller ESP
packets (the client's later L2TP messages) still pass whole."
MUST_FIRE="esp-fragments-lost path-drop esp-not-received"
MUST_NOT_FIRE="ipsec-established ike-no-response natt-udp4500-blocked ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-modified"

scenario() {
    begin esp-fragments-dropped lab-cd
    capture
    daemons
    initiate
    in_ns lab-cd ip link set eth0 mtu 200
    firewall_drop -f
    l2tp "" "" 10
    hangup
    finish
}
