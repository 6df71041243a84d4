# shellcheck source=../lib/libreswan.sh
source "$LAB/lib/libreswan.sh"
DESCRIPTION="Libreswan (pluto) L2TP/IPsec server with its build's default IKEv1 policy, strongSwan client
connecting directly with IKEv1. Debian's Libreswan has defaulted to \`ikev1-policy=drop\` since 4.5-2
(Libreswan 5 does upstream): pluto refuses to load the IKEv1 connection (\"failed to add IKEv1
connection: global ikev1-policy does not allow IKEv1 connections\") and silently drops every Main Mode
message 1 (\"ignoring IKEv1 packet as policy is set to silently drop all IKEv1 packets\"). From the
client it looks exactly like a firewall dropping UDP 500: message 1 retransmitted, never answered.
Only the server's log tells the two apart. pluto writes its own log file with \`logtime=yes\`."
MUST_FIRE="ikev1-refused-by-policy ike-no-response daemon-log-failure"
MUST_NOT_FIRE="ipsec-established phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop kernel-sa-install-failed"
LOG_ONLY="ikev1-refused-by-policy daemon-log-failure"

scenario() {
    begin libreswan-server-ikev1-dropped lab-cd
    libreswan_defaults
    P_IKEV1_POLICY=""
    P_LOG=logtime
    capture
    libreswan_server_daemons
    initiate
    libreswan_finish
}
