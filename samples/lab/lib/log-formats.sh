# Charon logs in more shapes than the lab's own charon.log (sourced by the log-formats-* scenarios;
# the other scenarios are not touched). strongSwan 5.9 file logger options: three more file loggers
# beside charon.log, each a shape users send:
#   charon-notime.log  no time_format, no ike_name          "05[IKE] message"
#   charon-hms.log     time_format = %H:%M:%S, time_add_ms, log_level, ike_name
#                                                           "11:29:59.517 05[IKE1] <l2tp-client|1> message"
#   charon-iso.log     time_format = %Y-%m-%dT%H:%M:%S%z, no ike_name
#                                                           "2026-11-24T11:29:59+0000 05[IKE] message"
# (json = yes and time_precision = us need strongSwan 6; this machine has no syslog daemon, no
# /dev/log and no journald, so syslog and journal shapes are not produced here: their parsers are
# tested on lines written from the formats' sources.)

# log_formats_loggers DIR: the extra charon settings (one line per element) for the instance in DIR.
log_formats_loggers() {
    local dir=$1
    cat <<EOT
filelog {
    notime {
        path = $dir/charon-notime.log
        append = no
        flush_line = yes
        default = 1
        ike = 2
        cfg = 2
    }
    hms {
        path = $dir/charon-hms.log
        time_format = %H:%M:%S
        time_add_ms = yes
        log_level = yes
        ike_name = yes
        append = no
        flush_line = yes
        default = 1
        ike = 2
        cfg = 2
    }
    iso {
        path = $dir/charon-iso.log
        time_format = %Y-%m-%dT%H:%M:%S%z
        append = no
        flush_line = yes
        default = 1
        ike = 2
        cfg = 2
    }
}
EOT
}

# log_formats_add: after begin, before daemons: both charons also write the shapes above.
log_formats_add() {
    mapfile -t S_CHARON_EXTRA < <(log_formats_loggers "$W/server")
    mapfile -t C_CHARON_EXTRA < <(log_formats_loggers "$W/client")
}

# log_formats_copy LOG_ONLY...: after finish: the extra logs next to the scenario's other files, and
# the rules a bundle of its logs alone must fire (expected.json "logOnly").
log_formats_copy() {
    local out="$CAPTURES/$SCENARIO" role shape
    for role in server client; do
        for shape in notime hms iso; do
            if [ -s "$W/$role/charon-$shape.log" ]; then cp "$W/$role/charon-$shape.log" "$out/charon-$role-$shape.log"; fi
        done
    done
    # shellcheck disable=SC2086
    printf '{\n  "mustFire": %s,\n  "mustNotFire": %s,\n  "logOnly": %s\n}\n' \
        "$(json_list $MUST_FIRE)" "$(json_list $MUST_NOT_FIRE)" "$(json_list "$@")" > "$out/expected.json"
}
