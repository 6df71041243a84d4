# Network namespaces of the lab (sourced by regenerate.sh).
#
#   lab-c1 192.168.1.10 ─┐
#                        ├─ br1 192.168.1.1  lab-nat  198.51.100.2 ─┐  (MASQUERADE)
#   lab-c2 192.168.1.11 ─┘                                          ├─ br0 198.51.100.1  lab-inet  203.0.113.1 ── 203.0.113.10 lab-srv
#   lab-cd 198.51.100.20 (direct client on the "Internet") ────────┘      (firewall: FORWARD)            (VPN server)
#
# Only documentation ranges (RFC 5737) and 192.168.x are used, and only inside these namespaces.

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

topology_down() {
    local ns
    for ns in "${LAB_NAMESPACES[@]}"; do
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
    in_ns lab-inet ip link add br0 type bridge mcast_snooping 0
    in_ns lab-inet ip link set br0 up
    in_ns lab-inet ip addr add 198.51.100.1/24 dev br0
    veth lab-nat eth0 lab-inet nat0
    veth lab-cd eth0 lab-inet cd0
    in_ns lab-inet ip link set nat0 master br0
    in_ns lab-inet ip link set cd0 master br0
    in_ns lab-nat ip addr add 198.51.100.2/24 dev eth0
    in_ns lab-nat ip route add default via 198.51.100.1
    in_ns lab-cd ip addr add 198.51.100.20/24 dev eth0
    in_ns lab-cd ip route add default via 198.51.100.1
    in_ns lab-inet sysctl -qw net.ipv4.ip_forward=1

    # Home LAN behind the NAT router.
    in_ns lab-nat ip link add br1 type bridge mcast_snooping 0
    in_ns lab-nat ip link set br1 up
    in_ns lab-nat ip addr add 192.168.1.1/24 dev br1
    veth lab-c1 eth0 lab-nat c1
    veth lab-c2 eth0 lab-nat c2
    in_ns lab-nat ip link set c1 master br1
    in_ns lab-nat ip link set c2 master br1
    in_ns lab-c1 ip addr add 192.168.1.10/24 dev eth0
    in_ns lab-c2 ip addr add 192.168.1.11/24 dev eth0
    in_ns lab-c1 ip route add default via 192.168.1.1
    in_ns lab-c2 ip route add default via 192.168.1.1
    in_ns lab-nat sysctl -qw net.ipv4.ip_forward=1
    in_ns lab-nat iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE

    # The Internet router's firewall starts open; scenarios add DROP rules to FORWARD. It keeps no
    # connection state, so IP fragments reach FORWARD unreassembled.
    in_ns lab-inet iptables -P FORWARD ACCEPT
}

# firewall_drop RULE...: one iptables FORWARD rule on the Internet router, appended.
firewall_drop() { in_ns lab-inet iptables -A FORWARD "$@" -j DROP; }
