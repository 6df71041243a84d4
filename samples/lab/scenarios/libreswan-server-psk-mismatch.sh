# shellcheck source=../lib/libreswan.sh
source "$LAB/lib/libreswan.sh"
DESCRIPTION="Libreswan (pluto) L2TP/IPsec server, strongSwan client connecting directly whose pre-shared key
differs from the server's (client: \"wrong-secret-on-the-client\"). Main Mode messages 1 to 4 pass; the
server cannot decrypt message 5 (the keys derive from the PSK) and says so in its log; the client
retransmits message 5 and gives up. No IKE SA, no Quick Mode. pluto logs to syslog (\`pluto[pid]:\`
lines with the host name, as rsyslog writes them)."
MUST_FIRE="phase1-auth-failed daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-proposal-mismatch esp-not-received l2tp-unprotected path-drop kernel-sa-install-failed ikev1-refused-by-policy"
LOG_ONLY="phase1-auth-failed daemon-log-failure"

scenario() {
    begin libreswan-server-psk-mismatch lab-cd
    libreswan_defaults
    P_LOG=syslog
    C_PSK="wrong-secret-on-the-client"
    capture
    libreswan_server_daemons
    initiate
    sleep 2
    libreswan_finish
}
