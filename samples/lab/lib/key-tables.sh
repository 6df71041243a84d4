# Key tables beside each capture (sourced by regenerate.sh after outputs.sh, whose functions of the
# same names it replaces): Wireshark's ikev1_decryption_table as before, esp_sa from EVERY charon's
# log (the server's too: behind a NAT it sees other addresses than the client, and it may initiate a
# rekey) and ikev2_decryption_table. scripts/write-key-tables.sh applies the same to committed
# scenarios from their charon-*-ike4.log files without running the lab.

# keep_ike4_log IN OUT: the "ike 4, chd 4, enc 4" log without the [ENC] per-field payload dumps,
# but with the one-line message summaries ("generating IKE_AUTH request 1 [ ... ]"): they tell which
# side initiated each exchange, which the IKEv2 ESP keys need.
keep_ike4_log() { awk '!/\[ENC\]/ || /\[ENC\] .*(generating|parsed) [A-Z_0-9]+ (request|response)/' "$1" > "$2"; }

# key_tables_from_logs OUT LOG...: the three tables from charon ike4 logs (any roles, any order).
key_tables_from_logs() {
    local out=$1 log
    shift
    # The server's IKEv1 keys first, as the tables were always written (with a PSK mismatch both
    # sides derive different keys for the same cookie, and the server's open what it received).
    for log in "$@"; do case $log in *server*) awk -f "$LAB/lib/ikev1-keys.awk" "$log" ;; esac; done > "$out/ikev1-decryption-table.tmp"
    for log in "$@"; do case $log in *server*) ;; *) awk -f "$LAB/lib/ikev1-keys.awk" "$log" ;; esac; done >> "$out/ikev1-decryption-table.tmp"
    awk '!seen[$0]++' "$out/ikev1-decryption-table.tmp" > "$out/ikev1-decryption-table"
    rm -f "$out/ikev1-decryption-table.tmp"
    for log in "$@"; do awk -f "$LAB/lib/esp-sa.awk" "$log"; done | awk '!seen[$0]++' > "$out/esp_sa"
    for log in "$@"; do awk -f "$LAB/lib/ikev2-keys.awk" "$log"; done | awk '!seen[$0]++' > "$out/ikev2_decryption_table"
    local table
    for table in ikev1-decryption-table esp_sa ikev2_decryption_table; do
        [ -s "$out/$table" ] || rm -f "$out/$table"
    done
}

# write_decryption_table WORKDIR OUT
write_decryption_table() {
    local work=$1 out=$2 role logs=()
    for role in client client2 server; do
        if [ -s "$work/$role/charon-ike4.log" ]; then logs+=("$work/$role/charon-ike4.log"); fi
    done
    key_tables_from_logs "$out" "${logs[@]}"
}
