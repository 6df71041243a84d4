DESCRIPTION="Direct client, pre-shared key. The cable between the Internet router and the server runs through a
faulty switch (namespace lab-sw, \`samples/lab/lib/faulty-switch.py\`) that loses every fourth
UDP-encapsulated ESP frame of each direction; IKE is not touched. Main Mode and Quick Mode complete,
ESP flows both ways, and the receiving end of each direction misses every fourth ESP packet: the
sender's capture holds it, the receiver's does not, and the receiver sees gaps in the ESP sequence
numbers. L2TP control messages inside the lost packets are retransmitted."
MUST_FIRE="path-drop esp-sequence-gaps"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected esp-not-received path-modified"

scenario() {
    begin lossy-link lab-cd
    faulty_switch_on_server_link drop 4
    capture
    daemons
    initiate
    l2tp "" "" 15
    hangup
    finish
}
