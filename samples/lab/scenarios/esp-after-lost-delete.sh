DESCRIPTION="Direct client, pre-shared key. Main Mode, Quick Mode and the L2TP call complete; then the Internet
router starts dropping IKE on UDP 4500 from the server (datagrams whose first four bytes are the
zero non-ESP marker) and the server deletes the IPsec SA (swanctl --terminate --child). Its
Delete never reaches the client, which keeps the SA: xl2tpd's HELLO after 60 s idle travels in ESP
on the deleted SPI, seen arriving at the server after the Delete, while the server, which has no
SA left, sends its own HELLOs in clear text."
MUST_FIRE="esp-after-delete path-drop"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked phase1-auth-failed phase1-proposal-mismatch phase2-rejected path-modified"

scenario() {
    begin esp-after-lost-delete lab-cd
    capture
    daemons
    initiate
    l2tp "" "" 4
    firewall_drop -p udp -s 203.0.113.10 --sport 4500 -m u32 --u32 "0>>22&0x3C@8=0"
    swanctl_in lab-srv "$W/server" --terminate --child l2tp --timeout 10 >> "$W/server/swanctl.out" 2>&1 || true
    sleep 66
    hangup
    finish
}
