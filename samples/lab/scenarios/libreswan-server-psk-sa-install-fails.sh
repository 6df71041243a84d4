# shellcheck source=../lib/libreswan.sh
source "$LAB/lib/libreswan.sh"
DESCRIPTION="Libreswan (pluto) L2TP/IPsec server, strongSwan client connecting directly, pre-shared keys equal:
Main Mode completes, then pluto answers Quick Mode message 1 by installing its inbound IPsec SA and
the server's kernel refuses it (this kernel has XFRM but no ESP: \"netlink response for Add SA
esp...: Protocol not supported (errno 93)\", then \"state transition function for STATE_QUICK_R0 had
internal error\"), so Quick Mode message 2 is never sent. The client retransmits Quick Mode, gives up,
starts a second Main Mode that ends the same way and deletes its IKE SA; its xl2tpd, started
meanwhile, sends SCCRQ in clear text (no SA, no policy). A server-side cause no capture can show:
only pluto's log names it. pluto writes its own log file with \`logtime=yes\`."
MUST_FIRE="kernel-sa-install-failed phase2-rejected daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-auth-failed phase1-proposal-mismatch ikev1-refused-by-policy path-drop"
LOG_ONLY="kernel-sa-install-failed phase2-rejected daemon-log-failure"

scenario() {
    begin libreswan-server-psk-sa-install-fails lab-cd
    libreswan_defaults
    P_LOG=logtime
    capture
    libreswan_server_daemons
    initiate
    l2tp
    hangup
    libreswan_finish
}
