README_KIND=ikev2
DESCRIPTION="IKEv2 with pre-shared keys; the client asks for a child SA to 192.168.100.1/32 (TSr), but the
server's connection only offers 10.99.0.0/16 (local_ts). Authentication succeeds and the IKE SA is
established, but the IKE_AUTH response carries N(TS_UNACCEPTABLE) instead of SA/TSi/TSr: no child
SA, no ESP. charon-server.log: \"no acceptable traffic selectors found\". The client then deletes
the IKE SA."
MUST_FIRE="phase2-rejected"
MUST_NOT_FIRE="ipsec-established phase1-auth-failed ike-no-response phase1-proposal-mismatch eap-auth-failed address-assignment-failed certificate-validity no-common-ca"
MUST_FIRE_NO_KEYS=""
MUST_NOT_FIRE_NO_KEYS="ipsec-established ike-no-response"
PENDING_WITH_KEYS="needs IKEv2 decryption and the IKEv2 rules of issue 19 (keys from ikev2_decryption_table)"

scenario() {
    begin ikev2-ts-refused lab-cd
    v2_defaults
    V2_S_LOCAL_TS="10.99.0.0/16"
    capture
    v2_daemons
    v2_initiate
    sleep 1
    v2_hangup
    finish
}
