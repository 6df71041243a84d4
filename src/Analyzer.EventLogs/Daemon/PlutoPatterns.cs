using System.Text.RegularExpressions;

namespace Analyzer.EventLogs.Daemon;

/// <summary>The regular expressions of <see cref="PlutoPrefix"/> and <see cref="PlutoWording"/>, generated at build time.</summary>
internal static partial class PlutoPatterns
{
    [GeneratedRegex(
        "^(?:(?<code>[0-9]{3}) )?(?:(?<level>ERROR|WARNING|FATAL ERROR): )?"
        + "(?:\"(?<conn>[^\"]{1,256})\"(?:\\[(?<inst>[0-9]{1,9})\\])?(?: (?<peer>[0-9A-Fa-f.:]{2,45}?)(?::(?<peerport>[0-9]{1,5}))?)?(?: #(?<serial>[0-9]{1,12}))?"
        + "|packet from (?<from>[0-9A-Fa-f.:]{2,45}?):(?<fromport>[0-9]{1,5})"
        + "|#(?<lead>[0-9]{1,12})"
        + "): (?<msg>.*)$",
        RegexOptions.CultureInvariant)]
    internal static partial Regex Head();

    [GeneratedRegex("^(?<level>ERROR|WARNING): ", RegexOptions.CultureInvariant)]
    internal static partial Regex InnerLevel();

    [GeneratedRegex("^\"(?<conn>[^\"]{1,256})\"(?:\\[(?<inst>[0-9]{1,9})\\])?(?: (?<peer>[0-9A-Fa-f.:]{2,45}?))?:[0-9]{1,5} ", RegexOptions.CultureInvariant)]
    internal static partial Regex StatusConnection();

    [GeneratedRegex(@"\b(?:STATE_[A-Z0-9_]{2,40}|ESTABLISHED_(?:IKE|CHILD)_SA)\b", RegexOptions.CultureInvariant)]
    internal static partial Regex StateName();

    // Lines only pluto writes: its context prefix, whack/status output, and its start-up, interface
    // and shutdown wordings (Libreswan 3.x-5.x and Openswan plutomain.c, server.c, iface*.c).
    [GeneratedRegex(
        "^(?:\"[^\"]{1,256}\"(?:\\[[0-9]{1,9}\\])?(?: [0-9A-Fa-f.:]{2,45})?(?: #[0-9]{1,12})?: "
        + "|packet from [0-9A-Fa-f.:]{2,45}:[0-9]{1,5}: "
        + "|#[0-9]{1,12}: \""
        + "|[01][0-9]{2} "
        + "|(?:ERROR|WARNING): (?:\"|packet from |netlink )"
        + "|\\| "
        + "|Starting Pluto |Pluto is shutting down|Initializing NSS|NSS (?:DB directory|initialized|crypto)|FIPS (?:Mode|mode|HMAC)"
        + "|libcap-ng support|Linux audit (?:support|activated)|core dump dir: |secrets file: |leak-detective|XAUTH PAM support"
        + "|initializing libevent|NAT-Traversal support|Setting NAT-Traversal port-4500|adding (?:UDP |TCP )?interface |shutting down interface "
        + "|listening for IKE messages|forgetting secrets|loading secrets from |using Linux (?:xfrm|XFRM|NETKEY|2\\.6)|starting up [0-9]+ (?:helper threads|cryptographic helpers)"
        + "|started thread for helper|ike_alg_register_|added connection description|Kernel supports NIC esp-hw-offload"
        + "|(?:Encryption|Hash|PRF|Integrity|DH|IPCOMP) algorithms:|[0-9]+ CPU cores? online|seccomp security|selinux support|systemd watchdog)",
        RegexOptions.CultureInvariant)]
    internal static partial Regex Typical();
}
