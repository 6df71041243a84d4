README_KIND=ikev2
DESCRIPTION="IKEv2 with pre-shared keys as ikev2-psk-healthy, but the client's child SA proposal is ESP
3DES/HMAC-SHA1 only (esp_proposals = 3des-sha1) and the server accepts it. The IKE SA itself is
AES-256/SHA-256/MODP-2048. The child SA's SA, TSi and TSr ride in the encrypted IKE_AUTH exchange
(RFC 7296 §1.2), so only the keys show its transforms: 3DES is SHOULD NOT for ESP (RFC 8221 §5).
Three pings travel in ESP both ways; the client then deletes the IKE SA."
MUST_FIRE="ipsec-established weak-crypto"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected eap-auth-failed address-assignment-failed certificate-validity no-common-ca esp-not-received path-drop"
MUST_FIRE_NO_KEYS="ipsec-established"
MUST_NOT_FIRE_NO_KEYS="ike-no-response phase1-proposal-mismatch esp-not-received path-drop"

scenario() {
    begin ikev2-esp-3des lab-cd
    v2_defaults
    V2_ESP="3des-sha1"
    capture
    v2_daemons
    v2_initiate
    v2_ping 3
    v2_hangup
    finish
}
