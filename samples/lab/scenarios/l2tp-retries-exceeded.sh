DESCRIPTION="Direct client, pre-shared key. Main Mode, Quick Mode and the L2TP tunnel come up in ESP (the call
ends with CDN after ICCN as in every lab run); then the LNS dies without a word (xl2tpd killed, no
StopCCN). The LAC asks for a new call: its ICRQ, in ESP, is retransmitted with back-off and never
acknowledged, until xl2tpd gives up (\"Maximum retries exceeded\") and tears the tunnel down."
MUST_FIRE="ipsec-established l2tp-setup-failed"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop"
MUST_FIRE_NO_KEYS="ipsec-established esp-l2tp-setup-unanswered"
MUST_NOT_FIRE_NO_KEYS="ike-no-response"
PENDING_WITH_KEYS="needs ESP decryption of issue 19 (keys from esp_sa) to read the L2TP inside"

scenario() {
    begin l2tp-retries-exceeded lab-cd
    capture
    ipsec_daemons
    lns
    initiate
    l2tp "" "" 5
    lns_vanishes
    lac_call
    sleep 40
    hangup
    finish
}
