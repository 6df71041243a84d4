# Wireshark's IKEv2 decryption table (the "ikev2_decryption_table" UAT: initiator SPI, responder
# SPI, SK_ei, SK_er, encryption, SK_ai, SK_ar, integrity) from a charon log written at "ike 4,
# mgr 2", from either side: charon logs the Sk_* secrets of each IKE SA after IKE_SA_INIT
# (RFC 7296 2.14), its proposal ("selected proposal: IKE:...") and, at mgr 2, its SPIs whenever it
# checks the SA in ("checkin IKEv2 SA name[n] with SPIs <SPIi>_i <SPIr>_r"). Lines of one IKE SA
# share its "<name|id>" tag. Algorithm names are Wireshark's spellings; byte fields are unquoted hex,
# as Wireshark writes them.
function hexdump_line(line) {
    if (!match(line, />  +[0-9]+: ([0-9A-F][0-9A-F] )+/)) return ""
    line = substr(line, RSTART, RLENGTH)
    sub(/^>  +[0-9]+: /, "", line)
    gsub(/ /, "", line)
    return tolower(line)
}
function wireshark_encryption(name,    bits) {
    if (match(name, /^AES_CBC_[0-9]+$/)) return "AES-CBC-" substr(name, 9) " [RFC3602]"
    if (name == "3DES_CBC") return "3DES [RFC2451]"
    if (match(name, /^AES_GCM_(8|12|16)_[0-9]+$/)) {
        split(name, p, "_")
        return "AES-GCM-" p[4] " with " p[3] " octet ICV [RFC5282]"
    }
    if (name == "NULL") return "NULL [RFC2410]"
    return ""
}
function wireshark_integrity(name) {
    if (name == "") return "NONE [RFC4306]"
    if (name == "HMAC_SHA2_256_128") return "HMAC_SHA2_256_128 [RFC4868]"
    if (name == "HMAC_SHA2_384_192") return "HMAC_SHA2_384_192 [RFC4868]"
    if (name == "HMAC_SHA2_512_256") return "HMAC_SHA2_512_256 [RFC4868]"
    if (name == "HMAC_SHA1_96") return "HMAC_SHA1_96 [RFC2404]"
    if (name == "HMAC_MD5_96") return "HMAC_MD5_96 [RFC2403]"
    return ""
}
{
    tag = ""
    if (match($0, /<([^<>|]*\|)?[0-9]+>/)) tag = substr($0, RSTART, RLENGTH)
}
reading != "" {
    if (tag == reading_tag && (h = hexdump_line($0)) != "") { secret[reading_tag, reading] = secret[reading_tag, reading] h; next }
    reading = ""
}
tag == "" { next }
match($0, /selected proposal: IKE:[A-Z0-9_\/]+/) {
    n = split(substr($0, RSTART + 23, RLENGTH - 23), alg, "/")
    encryption[tag] = alg[1]
    # AEAD proposals have no integrity algorithm: the second name is then the PRF.
    integrity[tag] = (alg[2] ~ /^PRF_/) ? "" : alg[2]
}
match($0, /Sk_(ei|er|ai|ar) secret =>/) {
    reading = substr($0, RSTART, 5)
    reading_tag = tag
    secret[tag, reading] = ""
    if (!(tag in order_of)) { order_of[tag] = ++count; tags[count] = tag }
}
match($0, /checkin IKEv2 SA [^ ]+ with SPIs [0-9a-f]+_i [0-9a-f]+_r/) && !/0000000000000000_r/ {
    split(substr($0, RSTART, RLENGTH), f, / /)
    spi_i = f[7]; spi_r = f[8]
    sub(/_i$/, "", spi_i); sub(/_r$/, "", spi_r)
    spis[tag] = spi_i "," spi_r
}
END {
    for (k = 1; k <= count; k++) {
        t = tags[k]
        e = wireshark_encryption(encryption[t]); i = wireshark_integrity(integrity[t])
        if (!(t in spis) || e == "" || i == "") continue
        printf "%s,%s,%s,\"%s\",%s,%s,\"%s\"\n", spis[t], secret[t, "Sk_ei"], secret[t, "Sk_er"], e, secret[t, "Sk_ai"], secret[t, "Sk_ar"], i
    }
}
