namespace Analyzer.Testing;

/// <summary>
/// Every capture in samples/ and ../shared/captures/, as theory rows (paths relative to the
/// repository's parent directory so test names stay short and stable). The rows outside
/// <see cref="Everyday"/> carry <c>Category=Slow</c>: an oracle comparison over every capture runs
/// tshark once per file, so the everyday suite compares a set chosen to span the formats,
/// protocols and oddities, and the slow suite (and a bare <c>dotnet test</c>) the rest.
/// </summary>
public static class CaptureCorpus
{
    private static readonly string[] Extensions = [".pcap", ".pcapng", ".cap", ".pcap.gz", ".pcapng.gz"];

    /// <summary>
    /// The everyday set, relative to the repository's parent directory: lab captures from both
    /// vantage points (IKEv1 Main and Quick Mode with logged keys, NAT-T ESP, L2TP, IP fragments)
    /// and public ones for pcapng, IPv6, AH, IKEv2, Aggressive Mode, certificates, PPTP, PPPoE,
    /// L2TP/PPP and the fuzz files that once crashed dissectors.
    /// </summary>
    private static readonly HashSet<string> Everyday = new(StringComparer.Ordinal)
    {
        "vpndiag/samples/captures/healthy-psk/client.pcap",
        "vpndiag/samples/captures/esp-dropped-one-way/server.pcap",
        "vpndiag/samples/captures/ike-fragmentation/client.pcap",
        "shared/captures/PcapPlusPlus/ipsec.pcapng",
        "shared/captures/arkime/ah-esp.pcap",
        "shared/captures/nDPI/esp.pcapng",
        "shared/captures/john-samples/lulu-password-pptp.pcap",
        "shared/captures/packetnet/l2tp.pcap",
        "shared/captures/packetnet/PPPoEPPP.pcap",
        "shared/captures/scapy/ikev2_nat_t.pcapng",
        "shared/captures/suricata-verify/ikev1-isakmp-main-mode.pcap",
        "shared/captures/tcpdump/espudp1.pcap",
        "shared/captures/tcpdump/l2tp-avp-overflow.pcap",
        "shared/captures/tcpdump/isakmp-pointer-loop.pcap",
        "shared/captures/tcpdump/ikev2pI2-segfault.pcapng",
        "shared/captures/tcpdump/truncated-aack.pcap",
        "shared/captures/zeek/ip6_esp.pcap",
        "shared/captures/zeek-spicy-ipsec/ikev1-certs.pcap",
        "shared/captures/zeek-spicy-ipsec/ipsec-ikev1-isakmp-aggressive-mode.pcap",
    };

    public static TheoryData<string> All() => Rows(Files());

    /// <summary>The captures for which <paramref name="where"/> holds, as rows like <see cref="All"/>'s.</summary>
    public static TheoryData<string> Where(Func<string, bool> where) => Rows(Files().Where(where));

    private static TheoryData<string> Rows(IEnumerable<string> files)
    {
        var data = new TheoryData<string>();
        string parent = Path.GetDirectoryName(RepoPaths.Root)!;
        string repository = Path.GetFileName(RepoPaths.Root);
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(parent, file);
            // The repository's own directory name varies (a clone, a worktree): the set names it "vpndiag".
            string key = relative.StartsWith(repository + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                ? "vpndiag" + relative[repository.Length..].Replace(Path.DirectorySeparatorChar, '/')
                : relative.Replace(Path.DirectorySeparatorChar, '/');
            var row = new TheoryDataRow<string>(relative);
            data.Add(Everyday.Contains(key) ? row : row.WithTrait("Category", "Slow"));
        }

        if (data.Count == 0)
        {
            data.Add(string.Empty);
        }

        return data;
    }

    /// <summary>Absolute paths of every capture found.</summary>
    public static IEnumerable<string> Files()
    {
        foreach (string directory in Roots())
        {
            foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>The absolute path of a theory row, or skips when there were no captures at all.</summary>
    public static string Resolve(string relative)
    {
        if (relative.Length == 0)
        {
            Assert.Skip("no captures: samples/ is empty and ../shared/captures is absent");
        }

        return Path.Combine(Path.GetDirectoryName(RepoPaths.Root)!, relative);
    }

    private static IEnumerable<string> Roots()
    {
        if (Directory.Exists(RepoPaths.Samples))
        {
            yield return RepoPaths.Samples;
        }

        if (RepoPaths.Shared is string shared && Directory.Exists(Path.Combine(shared, "captures")))
        {
            yield return Path.Combine(shared, "captures");
        }
    }
}
