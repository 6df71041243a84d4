DESCRIPTION="Direct client, pre-shared key. The cable between the Internet router and the server runs through a
faulty switch (namespace lab-sw, \`samples/lab/lib/faulty-switch.py\`): it forwards every frame but
flips one bit in the middle of every fourth UDP-encapsulated ESP frame of each direction, after the
sender computed its checksums. IKE is not touched: Main Mode and Quick Mode complete. The damaged ESP
frames reach the receiver with a wrong UDP checksum and are dropped there, so some L2TP control
messages inside ESP are retransmitted. Both captures hold the damaged packets: the copy at the
receiving end differs from the copy at the sending end in one byte of the ESP payload (the
switch's own log of each flip is not kept; the capture pair shows them)."
MUST_FIRE="path-modified ipsec-established"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected esp-not-received path-drop"

scenario() {
    begin corrupting-link lab-cd
    faulty_switch_on_server_link corrupt 4
    capture
    daemons
    initiate
    l2tp "" "" 15
    hangup
    finish
}
