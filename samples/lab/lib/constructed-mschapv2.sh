# MS-CHAP-V2 (RFC 2759) between the constructed PPP peers (sourced by regenerate.sh after
# constructed-ppp.sh). The peer needs MD4 (OpenSSL's legacy provider, through Python's hashlib) and DES
# (python3-cryptography); mschapv2_ready checks both against RFC 2759 §9.2's test vectors before a
# scenario starts anything, and stops the run with one line naming what is missing.

MSCHAPV2_OPENSSL_CONF="$LAB/lib/openssl-legacy.cnf"

# mschapv2_ready: export OPENSSL_CONF for the peers xl2tpd starts, and run the peer's self-test.
mschapv2_ready() {
    export OPENSSL_CONF="$MSCHAPV2_OPENSSL_CONF"
    # Run as xl2tpd will run it (its shebang interpreter), not whichever python3 is first on PATH.
    if ! "$CONSTRUCTED_PPPD" --self-test > /dev/null; then
        echo "MS-CHAP-V2 scenarios need OpenSSL's legacy provider (ossl-modules/legacy.so, libssl3) and python3-cryptography (apt-get install python3-cryptography); see samples/lab/README.md" >&2
        return 1
    fi
}

# mschapv2_done: the other scenarios run without the legacy provider.
mschapv2_done() {
    unset OPENSSL_CONF
}
