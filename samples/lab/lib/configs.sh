# swanctl and xl2tpd configuration for one scenario (sourced by regenerate.sh).
# A scenario sets the variables below (after scenario_defaults) and calls write_server/write_client.

SERVER_IP=203.0.113.10
LAB_PSK="vpndiag-lab-shared-secret"

scenario_defaults() {
    S_AUTH=psk              # psk | pubkey
    S_PROPOSALS="aes256-sha256-modp2048, aes128-sha1-modp2048"
    S_ESP="aes256-sha256, aes128-sha1"
    S_CONN_EXTRA=""         # more lines inside the server connection
    S_CHILD_EXTRA=""
    S_CAS="ca1"             # CAs the server trusts
    C_AUTH=psk
    C_PSK="$LAB_PSK"
    C_ID=""                 # empty: the client's IP address
    C_CERT=client1          # certificate/key name in the PKI when C_AUTH=pubkey
    C_PROPOSALS="aes256-sha256-modp2048"
    C_ESP="aes256-sha256"
    C_CONN_EXTRA=""
    C_CHILD_EXTRA=""
    S_CHARON_EXTRA=()       # more lines in the server's strongswan.conf charon section
    C_CHARON_EXTRA=()
}

copy_pki() {   # copy_pki DIR CERT CA...
    local dir=$1 cert=$2 ca
    shift 2
    mkdir -p "$dir/swanctl/x509" "$dir/swanctl/x509ca" "$dir/swanctl/private"
    cp "$PKI/$cert.crt.pem" "$dir/swanctl/x509/"
    cp "$PKI/$cert.key.pem" "$dir/swanctl/private/"
    for ca in "$@"; do
        cp "$PKI/$ca.crt.pem" "$dir/swanctl/x509ca/"
    done
}

write_server() {   # write_server DIR
    local dir=$1 local_auth remote_auth secrets="" ca
    mkdir -p "$dir/swanctl"
    if [ "$S_AUTH" = psk ]; then
        local_auth="auth = psk
            id = $SERVER_IP"
        remote_auth="auth = psk"
        secrets="ike-lab {
        secret = \"$LAB_PSK\"
    }"
    else
        # shellcheck disable=SC2086
        copy_pki "$dir" server $S_CAS
        local_auth="auth = pubkey
            certs = server.crt.pem"
        remote_auth="auth = pubkey"
    fi
    cat > "$dir/swanctl/swanctl.conf" <<EOF
connections {
    l2tp-server {
        version = 1
        local_addrs = $SERVER_IP
        proposals = $S_PROPOSALS
        $S_CONN_EXTRA
        local {
            $local_auth
        }
        remote {
            $remote_auth
        }
        children {
            l2tp {
                mode = tunnel
                local_ts = dynamic[udp/l2tp]
                remote_ts = 0.0.0.0/0[udp/l2tp]
                esp_proposals = $S_ESP
                $S_CHILD_EXTRA
            }
        }
    }
}
secrets {
    $secrets
}
EOF
}

write_client() {   # write_client DIR
    local dir=$1 local_auth remote_auth secrets=""
    mkdir -p "$dir/swanctl"
    if [ "$C_AUTH" = psk ]; then
        local_auth="auth = psk${C_ID:+
            id = $C_ID}"
        remote_auth="auth = psk
            id = $SERVER_IP"
        secrets="ike-lab {
        secret = \"$C_PSK\"
    }"
    else
        copy_pki "$dir" "$C_CERT" ca1
        local_auth="auth = pubkey
            certs = $C_CERT.crt.pem"
        remote_auth="auth = pubkey
            id = \"C=US, O=vpndiag lab, CN=vpn.lab.example\""
    fi
    cat > "$dir/swanctl/swanctl.conf" <<EOF
connections {
    l2tp-client {
        version = 1
        remote_addrs = $SERVER_IP
        proposals = $C_PROPOSALS
        $C_CONN_EXTRA
        local {
            $local_auth
        }
        remote {
            $remote_auth
        }
        children {
            l2tp {
                mode = tunnel
                local_ts = dynamic[udp/l2tp]
                remote_ts = dynamic[udp/l2tp]
                esp_proposals = $C_ESP
                $C_CHILD_EXTRA
            }
        }
    }
}
secrets {
    $secrets
}
EOF
}

# xl2tpd: LNS on the server, LAC on a client. PPP is configured but cannot start on this kernel
# (no /dev/ppp), so each call ends with a CDN right after ICCN.
write_lns() {   # write_lns DIR
    local dir=$1
    cat > "$dir/xl2tpd.conf" <<EOF
[global]
listen-addr = $SERVER_IP
port = 1701
auth file = $dir/l2tp-secrets
debug avp = yes
debug network = yes
debug state = yes
debug tunnel = yes

[lns default]
ip range = 192.168.100.10-192.168.100.50
local ip = 192.168.100.1
require chap = yes
refuse pap = yes
require authentication = yes
name = vpn.lab.example
pppoptfile = $dir/options.xl2tpd
length bit = yes
EOF
    printf '* * "vpndiag-lab-tunnel-secret" *\n' > "$dir/l2tp-secrets"
    printf 'require-mschap-v2\nms-dns 192.168.100.1\nmtu 1400\nmru 1400\nnodefaultroute\nlock\nproxyarp\n' > "$dir/options.xl2tpd"
}

write_lac() {   # write_lac DIR
    local dir=$1
    cat > "$dir/xl2tpd.conf" <<EOF
[global]
port = 1701
auth file = $dir/l2tp-secrets
debug avp = yes
debug network = yes
debug state = yes
debug tunnel = yes

[lac lab]
lns = $SERVER_IP
autodial = yes
redial = ${LAC_REDIAL:-no}
redial timeout = 5
max redials = 30
name = labuser
require authentication = no
pppoptfile = $dir/options.xl2tpd
length bit = yes
EOF
    printf '* * "vpndiag-lab-tunnel-secret" *\n' > "$dir/l2tp-secrets"
    printf 'ipcp-accept-local\nipcp-accept-remote\nrefuse-eap\nrequire-mschap-v2\nnoccp\nnoauth\nname labuser\npassword labpass\nmtu 1400\nmru 1400\n' > "$dir/options.xl2tpd"
}
