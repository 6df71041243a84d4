# shellcheck source=../lib/libreswan.sh
source "$LAB/lib/libreswan.sh"
DESCRIPTION="Libreswan (pluto) L2TP/IPsec server, strongSwan client connecting directly, pre-shared keys equal:
Main Mode and Quick Mode complete, then the server's kernel refuses pluto's IPsec SAs (this kernel
has XFRM but no ESP; pluto logs the netlink error, \"Protocol not supported\"). The client has its SAs
and sends L2TP in ESP; the server has none, so the L2TP never reaches xl2tpd. A server-side cause no
capture can show: only pluto's log names it. pluto writes its own log file with \`logtime=yes\`."
MUST_FIRE="daemon-log-failure"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch l2tp-unprotected path-drop"

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
