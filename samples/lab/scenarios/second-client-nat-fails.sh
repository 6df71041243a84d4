DESCRIPTION="Two clients behind the same NAT router (192.168.1.10, then 192.168.1.11; public 198.51.100.2) use
the same pre-shared key and the same identity (FQDN labuser@lab.example), and the server enforces one
IKE SA per identity (swanctl unique = replace). The first client connects and runs L2TP; when the
second connects, the server deletes the first client's IKE and IPsec SAs (Delete notifications to
198.51.100.2) and keeps the second: the later client displaces the earlier one. client.pcap is the
first client, client2.pcap the second."
MUST_FIRE="second-client-behind-nat nat-detected"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected"

scenario() {
    CLIENT2_NS=lab-c2
    begin second-client-nat-fails lab-c1
    capture
    C_ID="labuser@lab.example"
    S_CONN_EXTRA="unique = replace"
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
