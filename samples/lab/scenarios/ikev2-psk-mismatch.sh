README_KIND=ikev2
DESCRIPTION="IKEv2, pre-shared keys, direct client whose key differs from the server's (client:
\"wrong-secret-on-the-client\"). IKE_SA_INIT succeeds; the server cannot verify the client's AUTH
payload in IKE_AUTH and answers with an encrypted IKE_AUTH response carrying only
N(AUTHENTICATION_FAILED); charon-server.log: \"tried 1 shared key for ... failed\". No child SA, no ESP."
MUST_FIRE="phase1-auth-failed daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-proposal-mismatch phase2-rejected eap-auth-failed address-assignment-failed esp-not-received path-drop"
MUST_FIRE_NO_KEYS="ikev2-auth-refused"
MUST_NOT_FIRE_NO_KEYS="ipsec-established ike-no-response phase1-proposal-mismatch"
PENDING_WITH_KEYS="needs IKEv2 decryption and the IKEv2 rules of issue 19 (keys from ikev2_decryption_table)"

scenario() {
    begin ikev2-psk-mismatch lab-cd
    v2_defaults
    V2_C_PSK="wrong-secret-on-the-client"
    capture
    v2_daemons
    v2_initiate
    sleep 2
    finish
}
