DESCRIPTION="Direct client, pre-shared key. Main Mode and Quick Mode complete, then the Internet router drops ESP
from the server to the client: UDP 4500 datagrams from 203.0.113.10 whose first four bytes are not
the non-ESP marker (iptables u32 \"0>>22&0x3C@8!=0\"), i.e. UDP-encapsulated ESP, while IKE on 4500
still passes. The client's L2TP SCCRQ arrives in ESP at the server and the server answers in ESP, but
the client never receives those answers: ESP from server to client is seen at the server only, and
the client retransmits SCCRQ until xl2tpd gives up."
MUST_FIRE="esp-not-received path-drop"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected"

scenario() {
    begin esp-dropped-one-way lab-cd
    # UDP 4500 from the server whose payload does not start with the 4-byte zero non-ESP marker = ESP.
    firewall_drop -p udp -s 203.0.113.10 --sport 4500 -m u32 --u32 "0>>22&0x3C@8=1:0xFFFFFFFF"
    capture
    daemons
    initiate
    l2tp "" "" 25
    hangup
    finish
}
