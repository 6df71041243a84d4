# shellcheck source=../lib/libreswan.sh
source "$LAB/lib/libreswan.sh"
DESCRIPTION="Libreswan (pluto) L2TP/IPsec server, strongSwan client connecting directly. The client offers
only AES-128/SHA-1/MODP-2048 for Phase 1; the server accepts only AES-256/SHA-256/MODP-3072
(\`ike=aes256-sha2_256-modp3072\`). The server refuses Main Mode message 1 (NO_PROPOSAL_CHOSEN); no
IKE SA. pluto writes its own log file with \`logtime=no\` (lines without any time)."
MUST_FIRE="phase1-proposal-mismatch daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-auth-failed phase2-rejected esp-not-received l2tp-unprotected path-drop kernel-sa-install-failed ikev1-refused-by-policy"
LOG_ONLY="phase1-proposal-mismatch daemon-log-failure"

scenario() {
    begin libreswan-server-proposal-mismatch lab-cd
    libreswan_defaults
    P_LOG=nologtime
    P_IKE="aes256-sha2_256-modp3072"
    C_PROPOSALS="aes128-sha1-modp2048"
    capture
    libreswan_server_daemons
    initiate
    sleep 2
    libreswan_finish
}
