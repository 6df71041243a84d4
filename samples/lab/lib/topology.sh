# Network namespaces of the lab (sourced by regenerate.sh).
#
#   lab-c1 192.168.1.10 ─┐
#                        ├─ br1 192.168.1.1  lab-nat  198.51.100.2 ─┐  (MASQUERADE)
#   lab-c2 192.168.1.11 ─┘                                          ├─ br0 198.51.100.1  lab-inet  203.0.113.1 ── 203.0.113.10 lab-srv
#   lab-cd 198.51.100.20 (direct client on the "Internet") ────────┘      (firewall: FORWARD)            (VPN server)
#
# Only documentation ranges (RFC 5737) and 192.168.x are used, and only inside these namespaces.
# The scenarios corrupting-link and lossy-link put a faulty switch (namespace lab-sw) into the server's cable.

LAB_NAMESPACES=(lab-srv lab-inet lab-nat lab-c1 lab-c2 lab-cd)

in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

veth() {   # veth NS1 IF1 NS2 IF2
    ip link add "lab-tmp-a" type veth peer name "lab-tmp-b"
    ip link set "lab-tmp-a" netns "$1"
    ip link set "lab-tmp-b" netns "$3"
    in_ns "$1" ip link set "lab-tmp-a" name "$2"
    in_ns "$3" ip link set "lab-tmp-b" name "$4"
    in_ns "$1" ip link set "$2" up
    in_ns "$3" ip link set "$4" up
}

bridge() {   # bridge NS NAME ADDRESS/PREFIX (no multicast snooping: no IGMP queries in the captures)
    in_ns "$1" ip link add "$2" type bridge mcast_snooping 0
    in_ns "$1" ip link set "$2" up
    in_ns "$1" ip addr add "$3" dev "$2"
}

host_on_bridge() {   # host_on_bridge NS ADDRESS/PREFIX GATEWAY BRIDGE_NS BRIDGE PORT: eth0 of NS on that bridge
    veth "$1" eth0 "$4" "$6"
    in_ns "$4" ip link set "$6" master "$5"
    in_ns "$1" ip addr add "$2" dev eth0
    in_ns "$1" ip route add default via "$3"
}

topology_down() {
    local ns
    for ns in "${LAB_NAMESPACES[@]}" lab-sw; do
        ip netns del "$ns" 2>/dev/null || true
    done
}

topology_up() {
    topology_down
    local ns
    for ns in "${LAB_NAMESPACES[@]}"; do
        ip netns add "$ns"
        in_ns "$ns" ip link set lo up
        # No IPv6 chatter (router solicitations, MLD) in the captures.
        in_ns "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    done

    # Server segment.
    veth lab-srv eth0 lab-inet srv0
    in_ns lab-srv ip addr add 203.0.113.10/24 dev eth0
    in_ns lab-inet ip addr add 203.0.113.1/24 dev srv0
    in_ns lab-srv ip route add default via 203.0.113.1

    # "Internet" segment: a bridge in the router namespace.
    bridge lab-inet br0 198.51.100.1/24
    host_on_bridge lab-nat 198.51.100.2/24 198.51.100.1 lab-inet br0 nat0
    host_on_bridge lab-cd 198.51.100.20/24 198.51.100.1 lab-inet br0 cd0
    in_ns lab-inet sysctl -qw net.ipv4.ip_forward=1

    # Home LAN behind the NAT router.
    bridge lab-nat br1 192.168.1.1/24
    host_on_bridge lab-c1 192.168.1.10/24 192.168.1.1 lab-nat br1 c1
    host_on_bridge lab-c2 192.168.1.11/24 192.168.1.1 lab-nat br1 c2
    in_ns lab-nat sysctl -qw net.ipv4.ip_forward=1
    in_ns lab-nat iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE

    # The Internet router's firewall starts open; scenarios add DROP rules to FORWARD. It keeps no
    # connection state, so IP fragments reach FORWARD unreassembled.
    in_ns lab-inet iptables -P FORWARD ACCEPT
}

# firewall_drop RULE...: one iptables FORWARD rule on the Internet router, appended.
firewall_drop() { in_ns lab-inet iptables -A FORWARD "$@" -j DROP; }

# faulty_switch_on_server_link corrupt|drop NTH: the cable between the Internet router and the
# server gets a two-port switch in namespace lab-sw (lib/faulty-switch.py, no addresses) that
# forwards every frame but flips one bit in (corrupt) or loses (drop) every NTH UDP-encapsulated ESP
# frame of each direction. Its log goes to $W/switch.log. Call after topology_up (begin), before capture.
faulty_switch_on_server_link() {
    ip netns add lab-sw
    in_ns lab-sw ip link set lo up
    in_ns lab-sw sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    in_ns lab-srv ip link del eth0   # its peer srv0 in lab-inet goes with it
    veth lab-srv eth0 lab-sw sw-srv
    veth lab-sw sw-inet lab-inet srv0
    in_ns lab-srv ip addr add 203.0.113.10/24 dev eth0
    in_ns lab-srv ip route add default via 203.0.113.1
    in_ns lab-inet ip addr add 203.0.113.1/24 dev srv0
    in_ns lab-sw ip link set sw-srv promisc on
    in_ns lab-sw ip link set sw-inet promisc on
    ip netns exec lab-sw python3 "$LAB/lib/faulty-switch.py" sw-inet sw-srv "$1" "$2" > "$W/switch.log" 2>&1 &
    remember $!
    sleep 0.3
}
