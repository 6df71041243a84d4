README_KIND=ikev2
DESCRIPTION="IKEv2 as Windows connects (server authenticates with a certificate, the user with
EAP-MSCHAPv2), but the server's certificate (CN=vpn.lab.example, lab/pki/server-untrusted.crt.pem) is
issued by CA Two, which the client does not trust (it trusts CA One only). The client receives
CERT and AUTH in the first IKE_AUTH response, finds no trusted path to a CA (charon-client.log:
\"no trusted RSA public key found for 'vpn.lab.example'\") and ends the exchange with an
INFORMATIONAL carrying N(AUTHENTICATION_FAILED). Windows reports error 13801 (IKE authentication
credentials are unacceptable)."
MUST_FIRE="no-common-ca phase1-auth-failed"
MUST_NOT_FIRE="ike-no-response phase1-proposal-mismatch phase2-rejected eap-auth-failed address-assignment-failed certificate-validity"
MUST_FIRE_NO_KEYS="ikev2-auth-refused"
MUST_NOT_FIRE_NO_KEYS="ipsec-established ike-no-response"
PENDING_WITH_KEYS="needs IKEv2 decryption and the IKEv2 rules of issue 19 (keys from ikev2_decryption_table)"

scenario() {
    begin ikev2-cert-untrusted lab-cd
    v2_defaults
    V2_S_AUTH=pubkey V2_S_REMOTE_AUTH=eap-mschapv2 V2_C_AUTH=eap-mschapv2 V2_C_REMOTE_AUTH=pubkey
    V2_S_CERT=server-untrusted
    capture
    v2_daemons
    v2_initiate
    sleep 2
    finish
}
