README_KIND=ikev2
DESCRIPTION="IKEv2 with pre-shared keys on both sides, direct client. IKE_SA_INIT, then IKE_AUTH (encrypted, on
UDP 4500) with the client's configuration request: the server assigns 192.168.100.10 from its pool and
the child SA protects the virtual IP to the inside address 192.168.100.1. Three pings travel in ESP
both ways; the client then deletes the IKE SA (encrypted INFORMATIONAL with a Delete)."
MUST_FIRE="ipsec-established"
MUST_NOT_FIRE="ike-no-response phase1-auth-failed phase1-proposal-mismatch phase2-rejected eap-auth-failed address-assignment-failed certificate-validity no-common-ca esp-not-received path-drop"
MUST_FIRE_NO_KEYS="ipsec-established"
MUST_NOT_FIRE_NO_KEYS="ike-no-response phase1-proposal-mismatch esp-not-received path-drop"

scenario() {
    begin ikev2-psk-healthy lab-cd
    v2_defaults
    capture
    v2_daemons
    v2_initiate
    v2_ping 3
    v2_hangup
    finish
}
