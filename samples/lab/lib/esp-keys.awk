# Extracts Wireshark's ESP SA table (the "esp_sa" UAT file: protocol, source, destination, SPI,
# encryption algorithm, key, integrity algorithm, key) from a QUICK MODE INITIATOR's charon log
# written at "chd 4". strongSwan derives an "initiator" key for the initiator-to-responder SA and a
# "responder" key for the reverse one, so in the initiator's log the outbound SA takes the initiator
# keys and the inbound SA the responder keys. Lines of one IKE SA share its "<name|id>" tag.
function hexdump_line(line) {
    if (!match(line, />  +[0-9]+: ([0-9A-F][0-9A-F] )+/)) return ""
    line = substr(line, RSTART, RLENGTH)
    sub(/^>  +[0-9]+: /, "", line)
    gsub(/ /, "", line)
    return tolower(line)
}
function wireshark_encryption(name) {
    if (name == "AES_CBC") return "AES-CBC [RFC3602]"
    if (name == "3DES_CBC") return "TripleDES-CBC [RFC2451]"
    if (name == "DES_CBC") return "DES-CBC [RFC2405]"
    return ""
}
function wireshark_integrity(name) {
    if (name == "HMAC_SHA2_256_128") return "HMAC-SHA-256-128 [RFC4868]"
    if (name == "HMAC_SHA2_384_192") return "HMAC-SHA-384-192 [RFC4868]"
    if (name == "HMAC_SHA2_512_256") return "HMAC-SHA-512-256 [RFC4868]"
    if (name == "HMAC_SHA1_96") return "HMAC-SHA-1-96 [RFC2404]"
    if (name == "HMAC_MD5_96") return "HMAC-MD5-96 [RFC2403]"
    return ""
}
{
    tag = ""
    if (match($0, /<([^<>|]*\|)?[0-9]+>/)) tag = substr($0, RSTART, RLENGTH)
}
reading != "" {
    if (tag == reading_tag && (h = hexdump_line($0)) != "") { key[reading_tag, reading] = key[reading_tag, reading] h; next }
    reading = ""
}
tag == "" { next }
match($0, /using [A-Z0-9_]+ for encryption/) { enc[tag] = substr($0, RSTART + 6, RLENGTH - 21) }
match($0, /using [A-Z0-9_]+ for integrity/) { integ[tag] = substr($0, RSTART + 6, RLENGTH - 20) }
match($0, /(encryption|integrity) (initiator|responder) key =>/) {
    reading = substr($0, RSTART, RLENGTH - 7)
    reading_tag = tag
    key[tag, reading] = ""
}
/adding inbound ESP SA/ { direction[tag] = "responder" }
/adding outbound ESP SA/ { direction[tag] = "initiator" }
match($0, /SPI 0x[0-9a-f]+, src [0-9.]+ dst [0-9.]+/) && (tag in direction) {
    split(substr($0, RSTART, RLENGTH), f, /[ ,]+/)
    d = direction[tag]
    e = wireshark_encryption(enc[tag]); i = wireshark_integrity(integ[tag])
    if (e != "" && i != "")
        printf "\"IPv4\",\"%s\",\"%s\",\"%s\",\"%s\",\"0x%s\",\"%s\",\"0x%s\"\n", f[4], f[6], f[2], e, key[tag, "encryption " d], i, key[tag, "integrity " d]
    delete direction[tag]
}
