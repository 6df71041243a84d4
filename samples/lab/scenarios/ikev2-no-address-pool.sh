README_KIND=ikev2
DESCRIPTION="IKEv2 with pre-shared keys; the client requests a virtual IP (CP CFG_REQUEST with
INTERNAL_IP4_ADDRESS, as Windows always does) but the server's connection has no address pool.
Authentication succeeds, but the server's IKE_AUTH response carries N(INTERNAL_ADDRESS_FAILURE)
instead of a CFG_REPLY and no child SA (charon-server.log: \"no virtual IP found for %any requested
by '198.51.100.20'\", \"no virtual IP found, sending INTERNAL_ADDRESS_FAILURE\"). The client gets no
address and no tunnel; it deletes the IKE SA."
MUST_FIRE="address-assignment-failed"
MUST_NOT_FIRE="phase1-auth-failed ike-no-response phase1-proposal-mismatch eap-auth-failed certificate-validity no-common-ca"
MUST_FIRE_NO_KEYS=""
MUST_NOT_FIRE_NO_KEYS="ike-no-response"
PENDING_WITH_KEYS="needs IKEv2 decryption and the IKEv2 rules of issue 19 (keys from ikev2_decryption_table)"

scenario() {
    begin ikev2-no-address-pool lab-cd
    v2_defaults
    V2_S_POOL=""
    capture
    v2_daemons
    v2_initiate
    sleep 1
    v2_hangup
    finish
}
