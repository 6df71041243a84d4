README_KIND=ikev2
DESCRIPTION="IKEv2 as Windows connects (server authenticates with a certificate, the user with
EAP-MSCHAPv2), but the server's certificate (CN=vpn.lab.example, lab/pki/server-expired.crt.pem) is
from CA One but expired on 2021-01-01 (valid 2020-01-01 to 2021-01-01). The client rejects it
after the first IKE_AUTH response (charon-client.log: \"certificate was not valid\" / \"no trusted RSA
public key found\") and sends N(AUTHENTICATION_FAILED). Windows reports error 13801."
MUST_FIRE="certificate-validity phase1-auth-failed"
MUST_NOT_FIRE="ike-no-response phase1-proposal-mismatch phase2-rejected eap-auth-failed address-assignment-failed no-common-ca"
MUST_FIRE_NO_KEYS="ikev2-auth-refused"
MUST_NOT_FIRE_NO_KEYS="ipsec-established ike-no-response"
PENDING_WITH_KEYS="needs IKEv2 decryption and the IKEv2 rules of issue 19 (keys from ikev2_decryption_table)"

scenario() {
    begin ikev2-cert-expired lab-cd
    v2_defaults
    V2_S_AUTH=pubkey V2_S_REMOTE_AUTH=eap-mschapv2 V2_C_AUTH=eap-mschapv2 V2_C_REMOTE_AUTH=pubkey
    V2_S_CERT=server-expired
    capture
    v2_daemons
    v2_initiate
    sleep 2
    finish
}
