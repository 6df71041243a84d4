# shellcheck source=../lib/libreswan.sh
source "$LAB/lib/libreswan.sh"
DESCRIPTION="strongSwan L2TP/IPsec server, Libreswan (pluto) client connecting directly whose pre-shared key
differs from the server's (client: \"wrong-secret-on-the-client\"). Main Mode messages 1 to 4 pass;
the server cannot decrypt message 5 (charon-server.log) and answers with an encrypted informational
the client cannot read either; pluto retransmits message 5 until it gives up. No IKE SA, no Quick
Mode. pluto logs to syslog (\`pluto[pid]:\` lines with the host name, as rsyslog writes them)."
MUST_FIRE="phase1-auth-failed daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-proposal-mismatch esp-not-received l2tp-unprotected path-drop kernel-sa-install-failed ikev1-refused-by-policy"
LOG_ONLY="phase1-auth-failed daemon-log-failure"

scenario() {
    begin libreswan-client-psk-mismatch lab-cd
    libreswan_defaults
    P_LOG=syslog
    P_IKE="aes256-sha2_256-modp2048"
    P_ESP="aes256-sha2_256"
    P_PSK="wrong-secret-on-the-client"
    capture
    libreswan_client_daemons 198.51.100.20
    pluto_initiate "$W/client" l2tp-client
    sleep 2
    libreswan_finish
}
