README_KIND=ikev2
DESCRIPTION="IKEv2 as Windows connects with a user name and password: the server authenticates with its
certificate (CN=vpn.lab.example from CA One, serverAuth and IKE intermediate EKUs, which the client
trusts), the client with EAP-MSCHAPv2 (user \"labuser\"). IKE_AUTH takes four round trips: the client's
request without AUTH (EAP wanted), the server's CERT and AUTH with EAP-Identity request, the
MSCHAPv2 challenge/response/success, then the AUTH payloads derived from the EAP MSK with the
configuration reply (192.168.100.10) and the child SA. Three pings in ESP, then the client deletes
the IKE SA."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected eap-auth-failed address-assignment-failed certificate-validity no-common-ca esp-not-received path-drop"
MUST_FIRE_NO_KEYS="ipsec-established"
MUST_NOT_FIRE_NO_KEYS="ikev2-auth-refused ike-no-response esp-not-received"

scenario() {
    begin ikev2-eap-healthy lab-cd
    v2_defaults
    V2_S_AUTH=pubkey V2_S_REMOTE_AUTH=eap-mschapv2 V2_C_AUTH=eap-mschapv2 V2_C_REMOTE_AUTH=pubkey
    capture
    v2_daemons
    v2_initiate
    v2_ping 3
    v2_hangup
    finish
}
