# Wireshark's ESP SA table (the "esp_sa" UAT: protocol, source, destination, SPI, encryption, key,
# integrity, key) from one charon log written at "chd 4", whichever side wrote it.
#
# charon derives an "initiator" key set for the SA the CHILD_SA's initiator sends on and a
# "responder" set for the reverse SA; it logs both, then the inbound and outbound SA with SPI and
# addresses. Which set belongs to which SA depends on the role of the side that wrote the log:
# - IKEv1 (Quick Mode): the "initiator SA seed" starts with the protocol byte and the SPI of the
#   SA the initiator sends on (RFC 2409 5.5: KEYMAT = prf(SKEYID_d, protocol | SPI | Ni_b | Nr_b)),
#   so the seed names the SA without knowing the role.
# - IKEv2: the seed is Ni | Nr, so the role comes from the exchange that created the CHILD_SA: the
#   last "[ENC] generating/parsed IKE_AUTH/CREATE_CHILD_SA request" of the IKE SA (generating: this
#   side initiated it). Logs without [ENC] lines fall back to the IKE SA's role ("initiating IKE_SA").
# Lines of one IKE SA share its "<name|id>" tag; a hexdump line follows its header line.
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
    if (name == "AES_CTR") return "AES-CTR [RFC3686]"
    if (name == "AES_GCM_16") return "AES-GCM with 16 octet ICV [RFC4106]"
    if (name == "AES_GCM_12") return "AES-GCM with 12 octet ICV [RFC4106]"
    if (name == "AES_GCM_8") return "AES-GCM with 8 octet ICV [RFC4106]"
    if (name == "NULL") return "NULL"
    return ""
}
function wireshark_integrity(name) {
    if (name == "") return "NULL"
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
    if (tag == reading_tag && (h = hexdump_line($0)) != "") {
        if (reading == "seed") { if (!(tag in seed_spi)) seed_spi[tag] = substr(h, 3, 8) }
        else key[reading_tag, reading] = key[reading_tag, reading] h
        next
    }
    reading = ""
}
tag == "" { next }
/\[IKE\] .*initiating IKE_SA/ { ike_role[tag] = "initiator" }
match($0, /\[ENC\] <[^>]*> (generating|parsed) (IKE_AUTH|CREATE_CHILD_SA) request/) {
    v2_role[tag] = ($0 ~ /generating/) ? "initiator" : "responder"
}
/state change: CREATED => INSTALLING/ { delete enc[tag]; delete integ[tag]; delete seed_spi[tag] }
match($0, /using [A-Z0-9_]+ for encryption/) { enc[tag] = substr($0, RSTART + 6, RLENGTH - 21) }
match($0, /using [A-Z0-9_]+ for integrity/) { integ[tag] = substr($0, RSTART + 6, RLENGTH - 20) }
/initiator SA seed =>/ { reading = "seed"; reading_tag = tag; next }
match($0, /(encryption|integrity) (initiator|responder) key =>/) {
    reading = substr($0, RSTART, RLENGTH - 7)
    reading_tag = tag
    key[tag, reading] = ""
}
/adding inbound ESP SA/ { pending[tag] = "inbound" }
/adding outbound ESP SA/ { pending[tag] = "outbound" }
match($0, /SPI 0x[0-9a-f]+, src [0-9a-fA-F.:]+ dst [0-9a-fA-F.:]+/) && (tag in pending) {
    split(substr($0, RSTART, RLENGTH), f, /[ ,]+/)
    spi = f[2]; sub(/^0x/, "", spi)
    if (tag in seed_spi) {
        set = (seed_spi[tag] == spi) ? "initiator" : "responder"
    } else {
        role = (tag in v2_role) ? v2_role[tag] : ((tag in ike_role) ? ike_role[tag] : "responder")
        # The initiator sends on the initiator's keys; what it receives uses the responder's.
        if (pending[tag] == "outbound") set = role
        else set = (role == "initiator") ? "responder" : "initiator"
    }
    e = wireshark_encryption(enc[tag]); i = wireshark_integrity(integ[tag])
    family = (f[4] ~ /:/) ? "IPv6" : "IPv4"
    ikey = key[tag, "integrity " set]
    if (e != "" && i != "" && !seen[spi, f[4], f[6]]++)
        printf "\"%s\",\"%s\",\"%s\",\"0x%s\",\"%s\",\"0x%s\",\"%s\",\"%s\"\n", family, f[4], f[6], spi, e, key[tag, "encryption " set], i, (ikey == "" ? "" : "0x" ikey)
    delete pending[tag]
}
