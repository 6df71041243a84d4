# IKEv2 remote-access scenarios (sourced by regenerate.sh): a client that connects the way Windows
# does with VPN type IKEv2 — it asks for a virtual IP (configuration payload), authenticates the
# server by its certificate or a PSK, and itself by PSK or EAP-MSCHAPv2 (user name and password).
# The server hands out addresses from a pool and protects the client's virtual IP to the server's
# inside address 192.168.100.1 (on the server's loopback); the client pings it through the tunnel.
# A scenario calls v2_defaults after begin, changes the V2_* variables, then v2_daemons.

V2_INSIDE=192.168.100.1
V2_USER=labuser
V2_PASSWORD="vpndiag-lab-user-password"

v2_defaults() {
    V2_S_AUTH=psk                # how the server authenticates itself: psk | pubkey
    V2_S_CERT=server             # its certificate in lab/pki when pubkey
    V2_S_REMOTE_AUTH=psk         # what it asks of the client: psk | eap-mschapv2
    V2_S_PSK="$LAB_PSK"
    V2_S_PASSWORD="$V2_PASSWORD" # the user's password in the server's secrets
    V2_S_POOL="vpnpool"          # pool the connection names ("" = none)
    V2_S_POOL_DEFINED=yes        # whether that pool exists
    V2_S_LOCAL_TS="$V2_INSIDE/32"
    V2_C_AUTH=psk                # psk | eap-mschapv2
    V2_C_PSK="$LAB_PSK"
    V2_C_PASSWORD="$V2_PASSWORD"
    V2_C_REMOTE_AUTH=psk         # how the client checks the server: psk | pubkey (trusting ca1)
    V2_C_REMOTE_TS="$V2_INSIDE/32"
    V2_PROPOSALS="aes256-sha256-modp2048"
    V2_ESP="aes256-sha256"
    README_KIND=ikev2
}

# v2_charon_conf DIR: the lab's strongswan.conf plus the EAP plugins, with the virtual IP installed
# (kernel-libipsec routes it through its TUN device) and [ENC] message summaries kept for the key
# tables (see key-tables.sh).
v2_charon_conf() {
    charon_conf "$1"
    sed -i -e 's/^\(    load = .*kernel-libipsec.*\)$/\1 eap-identity eap-mschapv2 attr/' \
        -e 's/install_virtual_ip = no/install_virtual_ip = yes/' "$1/strongswan.conf"
}

v2_server_conf() {   # v2_server_conf DIR
    local dir=$1 local_auth remote_auth secrets pools=""
    if [ "$V2_S_AUTH" = pubkey ]; then
        copy_pki "$dir" "$V2_S_CERT" ca1
        local_auth="auth = pubkey
            certs = $V2_S_CERT.crt.pem
            id = vpn.lab.example"
    else
        local_auth="auth = psk
            id = vpn.lab.example"
    fi
    if [ "$V2_S_REMOTE_AUTH" = eap-mschapv2 ]; then
        # Windows sends its IP address as IDi and answers EAP-Identity with the user name.
        remote_auth="auth = eap-mschapv2
            eap_id = %any"
        secrets="eap-user {
        id = $V2_USER
        secret = \"$V2_S_PASSWORD\"
    }"
    else
        remote_auth="auth = psk"
        secrets="ike-lab {
        secret = \"$V2_S_PSK\"
    }"
    fi
    if [ "$V2_S_POOL_DEFINED" = yes ] && [ -n "$V2_S_POOL" ]; then
        pools="pools {
    $V2_S_POOL {
        addrs = 192.168.100.10-192.168.100.50
        dns = $V2_INSIDE
    }
}"
    fi
    mkdir -p "$dir/swanctl"
    cat > "$dir/swanctl/swanctl.conf" <<CONF
connections {
    ikev2-server {
        version = 2
        local_addrs = $SERVER_IP
        proposals = $V2_PROPOSALS, aes128-sha1-modp2048
        ${V2_S_POOL:+pools = $V2_S_POOL}
        send_cert = always
        local {
            $local_auth
        }
        remote {
            $remote_auth
        }
        children {
            inside {
                mode = tunnel
                local_ts = $V2_S_LOCAL_TS
                esp_proposals = $V2_ESP, aes128-sha1
            }
        }
    }
}
$pools
secrets {
    $secrets
}
CONF
}

v2_client_conf() {   # v2_client_conf DIR
    local dir=$1 local_auth remote_auth secrets
    if [ "$V2_C_AUTH" = eap-mschapv2 ]; then
        local_auth="auth = eap-mschapv2
            eap_id = $V2_USER"
        secrets="eap-user {
        id = $V2_USER
        secret = \"$V2_C_PASSWORD\"
    }"
    else
        local_auth="auth = psk"
        secrets="ike-lab {
        secret = \"$V2_C_PSK\"
    }"
    fi
    if [ "$V2_C_REMOTE_AUTH" = pubkey ]; then
        mkdir -p "$dir/swanctl/x509ca"
        cp "$PKI/ca1.crt.pem" "$dir/swanctl/x509ca/"
        remote_auth="auth = pubkey
            id = vpn.lab.example"
    else
        remote_auth="auth = psk
            id = vpn.lab.example"
    fi
    mkdir -p "$dir/swanctl"
    cat > "$dir/swanctl/swanctl.conf" <<CONF
connections {
    ikev2-client {
        version = 2
        remote_addrs = $SERVER_IP
        proposals = $V2_PROPOSALS
        vips = 0.0.0.0
        local {
            $local_auth
        }
        remote {
            $remote_auth
        }
        children {
            inside {
                mode = tunnel
                remote_ts = $V2_C_REMOTE_TS
                esp_proposals = $V2_ESP
            }
        }
    }
}
secrets {
    $secrets
}
CONF
}

# v2_daemons: configs, both charons, the server's inside address; no xl2tpd.
v2_daemons() {
    v2_server_conf "$W/server"
    v2_client_conf "$W/client"
    v2_charon_conf "$W/server"
    v2_charon_conf "$W/client"
    in_ns lab-srv ip addr add "$V2_INSIDE/32" dev lo
    local ns
    for ns in lab-srv "$CLIENT_NS"; do in_ns "$ns" sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0; done
    start_charon lab-srv "$W/server"
    start_charon "$CLIENT_NS" "$W/client"
    load_swanctl lab-srv "$W/server"
    load_swanctl "$CLIENT_NS" "$W/client"
}

# v2_initiate: IKE_SA_INIT and IKE_AUTH with the child from the client.
v2_initiate() {
    swanctl_in "$CLIENT_NS" "$W/client" --initiate --child inside --timeout 60 >> "$W/client/swanctl.out" 2>&1 && INITIATED=yes || INITIATED=no
}

# v2_ping [COUNT]: ICMP echo from the client's virtual IP to the server's inside address, through ESP.
v2_ping() {
    local vip
    # charon installs the virtual IP on an interface of the client's namespace.
    vip=$(in_ns "$CLIENT_NS" ip -4 -o addr show | awk '$4 ~ /^192\.168\.100\./ {sub(/\/.*/, "", $4); print $4; exit}')
    if [ -n "$vip" ]; then
        in_ns "$CLIENT_NS" ping -n -c "${1:-3}" -i 1 -W 2 -I "$vip" "$V2_INSIDE" >> "$W/client/ping.out" 2>&1 || true
    else
        echo "no virtual IP installed" >> "$W/client/ping.out"
    fi
}

# v2_hangup: the client deletes its IKE SA (and with it the child).
v2_hangup() {
    swanctl_in "$CLIENT_NS" "$W/client" --terminate --ike ikev2-client --timeout 10 >> "$W/client/swanctl.out" 2>&1 || true
    sleep 1
}
