DESCRIPTION="Direct client, pre-shared key. The server accepts L2TP only inside IPsec (iptables in the server
namespace drops UDP 1701 arriving in clear on its interface). The client's LAC is started before
the IPsec SA exists, so its first SCCRQs leave in clear text and are dropped by the server; once
Main Mode and Quick Mode complete, the retransmitted SCCRQ travels in ESP and the control
connection comes up inside ESP (the clear-text SCCRQs stay unanswered in the captures)."
MUST_FIRE="l2tp-before-ipsec"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received phase1-auth-failed phase1-proposal-mismatch phase2-rejected path-drop path-modified"

scenario() {
    begin l2tp-before-ipsec lab-cd
    in_ns lab-srv iptables -A INPUT -i eth0 -p udp --dport 1701 -j DROP
    capture
    daemons
    l2tp "" "" 3
    initiate
    sleep 10
    hangup
    finish
}
