#!/bin/bash
# Builds the lab PKI with strongSwan's pki tool. Keys and certificates are lab-only test material.
# Idempotent: an existing file is kept, so captures stay reproducible with the committed PKI.
# Usage: make-pki.sh DIR
set -euo pipefail
dir=${1:?usage: make-pki.sh DIR}
mkdir -p "$dir"
cd "$dir"

key() {   # key FILE BITS
    [ -s "$1" ] || pki --gen --type rsa --size "$2" --outform pem > "$1"
}

self_ca() {   # self_ca NAME DN
    key "$1.key.pem" 2048
    [ -s "$1.crt.pem" ] || pki --self --ca --lifetime 3650 --in "$1.key.pem" --type rsa \
        --dn "$2" --outform pem > "$1.crt.pem"
}

issue() {   # issue NAME CA BITS DN SAN [extra pki arguments...]
    local name=$1 ca=$2 bits=$3 dn=$4 san=$5
    shift 5
    key "$name.key.pem" "$bits"
    [ -s "$name.crt.pem" ] || pki --pub --in "$name.key.pem" --type rsa \
        | pki --issue --cacert "$ca.crt.pem" --cakey "$ca.key.pem" --dn "$dn" --san "$san" \
              --outform pem "$@" > "$name.crt.pem"
}

self_ca ca1 "C=US, O=vpndiag lab, CN=vpndiag Lab Root CA One"
self_ca ca2 "C=US, O=vpndiag lab, CN=vpndiag Lab Root CA Two"
# Windows wants serverAuth and the IKE intermediate EKU on the server certificate.
issue server ca1 2048 "C=US, O=vpndiag lab, CN=vpn.lab.example" vpn.lab.example \
    --san 203.0.113.10 --flag serverAuth --flag ikeIntermediate --lifetime 3650
issue client1 ca1 2048 "C=US, O=vpndiag lab, CN=client1.lab.example" client1.lab.example \
    --flag clientAuth --lifetime 3650
issue client2 ca1 2048 "C=US, O=vpndiag lab, CN=client2.lab.example" client2.lab.example \
    --flag clientAuth --lifetime 3650
# Same shape as client1 but issued by the CA the server does not trust.
issue client-untrusted ca2 2048 "C=US, O=vpndiag lab, CN=untrusted.lab.example" untrusted.lab.example \
    --flag clientAuth --lifetime 3650
# Valid 2020-01-01 to 2021-01-01 only.
issue client-expired ca1 2048 "C=US, O=vpndiag lab, CN=expired.lab.example" expired.lab.example \
    --flag clientAuth --dateform "%Y-%m-%d %T" --not-before "2020-01-01 00:00:00" \
    --not-after "2021-01-01 00:00:00"
# 8192-bit key: certificate plus signature push Main Mode message 5 past the 1500-byte MTU.
issue client-big ca1 8192 "C=US, O=vpndiag lab, CN=bigkey.lab.example" bigkey.lab.example \
    --flag clientAuth --lifetime 3650
# Server certificates for the IKEv2 scenarios (the client checks the server, as Windows does):
# the server's name and address from CA Two, which the clients do not trust;
issue server-untrusted ca2 2048 "C=US, O=vpndiag lab, CN=vpn.lab.example" vpn.lab.example \
    --san 203.0.113.10 --flag serverAuth --flag ikeIntermediate --lifetime 3650
# from CA One but valid 2020-01-01 to 2021-01-01 only;
issue server-expired ca1 2048 "C=US, O=vpndiag lab, CN=vpn.lab.example" vpn.lab.example \
    --san 203.0.113.10 --flag serverAuth --flag ikeIntermediate --dateform "%Y-%m-%d %T" \
    --not-before "2020-01-01 00:00:00" --not-after "2021-01-01 00:00:00"
# from CA One, valid, but with client authentication as its only extended key usage (no serverAuth,
# which Windows requires of a VPN server's certificate).
issue server-noeku ca1 2048 "C=US, O=vpndiag lab, CN=vpn.lab.example" vpn.lab.example \
    --san 203.0.113.10 --flag clientAuth --lifetime 3650
