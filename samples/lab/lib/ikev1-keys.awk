# Extracts Wireshark's IKEv1 decryption table from a charon log written at "ike 4, mgr 2":
# one line per IKE SA, initiator cookie and encryption key (what charon logs as "encryption key Ka"),
# both in hex. The IKE SA is recognised by the unique id in its "<name|id>" or "<id>" tag; charon's MGR lines give the
# cookies of that tag ("with SPIs <initiator>_i <responder>_r").
{
    tag = ""
    if (match($0, /<([^<>|]*\|)?[0-9]+>/)) {
        tag = substr($0, RSTART, RLENGTH)
        sub(/^<([^<>|]*\|)?/, "", tag)
        sub(/>$/, "", tag)
    }
}
tag != "" && match($0, /with SPIs [0-9a-f]+_i/) {
    spi = substr($0, RSTART + 10, RLENGTH - 12)
    if (!(tag in cookie)) cookie[tag] = spi
}
reading != "" {
    if (tag == reading && match($0, />  +[0-9]+: ([0-9A-F][0-9A-F] )+/)) {
        line = substr($0, RSTART, RLENGTH)
        sub(/^>  +[0-9]+: /, "", line)
        gsub(/ /, "", line)
        key[reading] = key[reading] tolower(line)
        next
    }
    reading = ""
}
tag != "" && /encryption key Ka =>/ {
    if (!(tag in key)) { order[++n] = tag; key[tag] = ""; reading = tag }
}
END {
    for (i = 1; i <= n; i++) {
        t = order[i]
        if ((t in cookie) && key[t] != "") printf "%s,%s\n", cookie[t], key[t]
    }
}
