README_KIND=ikev2
DESCRIPTION="IKEv2 as Windows connects (server authenticates with a certificate, the user with
EAP-MSCHAPv2), but the server's certificate (CN=vpn.lab.example, lab/pki/server-noeku.crt.pem) is
from CA One, valid, but with clientAuth as its only extended key usage (no serverAuth, no IKE
intermediate). strongSwan's client does not check the EKU, so the connection WORKS here (pings in
ESP, clean Delete); a Windows client requires the server-authentication EKU and would refuse this
certificate (error 13806/13801). The capture shows the certificate as a Windows client would have
received it: a diagnosis must point at the missing EKU."
MUST_FIRE="certificate-validity ipsec-established"
MUST_NOT_FIRE="ike-no-response phase1-proposal-mismatch phase2-rejected eap-auth-failed address-assignment-failed no-common-ca phase1-auth-failed"
MUST_FIRE_NO_KEYS="ipsec-established"
MUST_NOT_FIRE_NO_KEYS="ikev2-auth-refused ike-no-response"
PENDING_WITH_KEYS="needs IKEv2 decryption and the IKEv2 rules of issue 19 (keys from ikev2_decryption_table)"

scenario() {
    begin ikev2-cert-no-server-eku lab-cd
    v2_defaults
    V2_S_AUTH=pubkey V2_S_REMOTE_AUTH=eap-mschapv2 V2_C_AUTH=eap-mschapv2 V2_C_REMOTE_AUTH=pubkey
    V2_S_CERT=server-noeku
    capture
    v2_daemons
    v2_initiate
    v2_ping 3
    v2_hangup
    finish
}
