DESCRIPTION="Two clients behind the same NAT router (192.168.1.10 and 192.168.1.11, both seen by the server as
198.51.100.2 on different source ports), pre-shared key, distinct identities (their own addresses).
Both complete Main Mode and Quick Mode over NAT-T and carry L2TP in ESP at the same time; the server
keeps both. client.pcap is the first client, client2.pcap the second."
MUST_FIRE="ipsec-established nat-detected nat-observed"
MUST_NOT_FIRE="second-client-behind-nat ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    CLIENT2_NS=lab-c2
    begin two-clients-one-nat lab-c1
    capture
    daemons
    second_client
    initiate
    l2tp
    initiate "$W/client2" lab-c2
    LAC1_PID=$LAC_PID
    l2tp "$W/client2" lab-c2
    hangup "$W/client2" lab-c2
    LAC_PID=$LAC1_PID
    hangup
    finish
}
