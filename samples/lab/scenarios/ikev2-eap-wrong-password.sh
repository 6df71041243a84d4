README_KIND=ikev2
DESCRIPTION="As ikev2-eap-healthy, but the user types a wrong password (\"wrong-password\"): the server's
certificate is accepted, EAP-Identity and the MSCHAPv2 challenge pass, the server rejects the
MSCHAPv2 response (MSCHAPv2 Failure, E=691 in the failure message), sends EAP-Failure and the
IKE SA fails with N(AUTHENTICATION_FAILED). Windows shows error 13801/691-like messages for this.
charon-server.log: \"EAP-MS-CHAPv2 verification failed\"."
MUST_FIRE="eap-auth-failed daemon-log-failure"
MUST_NOT_FIRE="ipsec-established ike-no-response phase1-proposal-mismatch phase2-rejected address-assignment-failed certificate-validity no-common-ca esp-not-received path-drop"
MUST_FIRE_NO_KEYS="ikev2-auth-refused"
MUST_NOT_FIRE_NO_KEYS="ipsec-established ike-no-response"
PENDING_WITH_KEYS="needs IKEv2 decryption and the IKEv2 rules of issue 19 (keys from ikev2_decryption_table)"

scenario() {
    begin ikev2-eap-wrong-password lab-cd
    v2_defaults
    V2_S_AUTH=pubkey V2_S_REMOTE_AUTH=eap-mschapv2 V2_C_AUTH=eap-mschapv2 V2_C_REMOTE_AUTH=pubkey
    V2_C_PASSWORD="wrong-password"
    capture
    v2_daemons
    v2_initiate
    sleep 2
    finish
}
