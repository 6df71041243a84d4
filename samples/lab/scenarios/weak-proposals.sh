DESCRIPTION="Direct client, pre-shared key, weak algorithms offered and chosen: Phase 1 3DES/MD5/MODP-1024 (DH
group 2), Quick Mode ESP 3DES/HMAC-MD5. (Single DES is not available in this strongSwan build.)
Everything succeeds: Main Mode, Quick Mode, ESP both ways carrying L2TP."
MUST_FIRE="weak-crypto ipsec-established"
MUST_NOT_FIRE="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"

scenario() {
    begin weak-proposals lab-cd
    capture
    S_PROPOSALS="3des-md5-modp1024"
    C_PROPOSALS="3des-md5-modp1024"
    S_ESP="3des-md5"
    C_ESP="3des-md5"
    daemons
    initiate
    l2tp
    hangup
    finish
}
