using System.Globalization;
using Analyzer.Bench.Capture;

// Usage:
//   generate OUTPUT.pcap SIZE_MB [--conversation-share PERMILLE] [--max-conversations N] [--esp-sa FILE] [TEMPLATE_DIR...]
//                                                    write a customer-like capture (default: 10 per mille of packets
//                                                    are replayed IKE/L2TP conversations, no maximum; --esp-sa: bulk ESP
//                                                    encrypted, its SAs written to FILE as Wireshark's esp_sa table)
//   run FILE [REPETITIONS] [VPNDIAG...]                side by side: cat, read, decode, SharpPcap+PacketDotNet, each vpndiag build given, tshark
//   measure MODE FILE                                  one contender in this process (used by run)
if (args.Length >= 2 && args[0] == "generate")
{
    long bytes = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) * 1_000_000 : 1_000_000_000;
    int share = 10;
    long maxConversations = long.MaxValue;
    string? espSa = null;
    int next = 3;
    while (next + 1 < args.Length && args[next].StartsWith("--", StringComparison.Ordinal))
    {
        switch (args[next])
        {
            case "--conversation-share":
                share = int.Parse(args[next + 1], CultureInfo.InvariantCulture);
                break;
            case "--max-conversations":
                maxConversations = long.Parse(args[next + 1], CultureInfo.InvariantCulture);
                break;
            case "--esp-sa":
                espSa = args[next + 1];
                break;
            default:
                Console.Error.WriteLine($"unknown option {args[next]}");
                return 2;
        }

        next += 2;
    }

    IEnumerable<string> directories = args.Length > next ? args[next..] : DefaultTemplateDirectories();
    var templates = new List<TemplateConversation>();
    foreach (string directory in directories.Where(Directory.Exists))
    {
        foreach (string file in Directory.EnumerateFiles(directory, "*.pcap*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (TemplateHarvester.Harvest(file) is TemplateConversation conversation)
            {
                templates.Add(conversation);
            }
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{templates.Count} template conversations: {string.Join(", ", templates.Select(t => $"{t.Origin} ({t.Messages.Count})"))}"));
    var generator = new CustomerCaptureGenerator(templates, conversationShare: share, maxConversations: maxConversations, withKeys: espSa is not null);
    generator.Generate(args[1], bytes);
    if (espSa is not null && generator.Keying is EspKeying keying)
    {
        File.WriteAllText(espSa, keying.EspSaTable("198.51.100.1"));
    }

    Console.WriteLine(generator.Counts);
    return 0;
}

if (args.Length >= 2 && args[0] == "run")
{
    int repetitions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
    return SideBySide.Run(args[1], repetitions, args.Length > 3 ? args[3..] : []);
}

if (args.Length == 3 && args[0] == "measure")
{
    Console.WriteLine(Measurements.Run(args[1], args[2]));
    return 0;
}

Console.Error.WriteLine("usage: generate OUTPUT SIZE_MB [--conversation-share PERMILLE] [--max-conversations N] [TEMPLATE_DIR...] | run FILE [REPETITIONS] [VPNDIAG...] | measure read|decode|sharppcap FILE");
return 2;

static IEnumerable<string> DefaultTemplateDirectories()
{
    string? directory = AppContext.BaseDirectory;
    while (directory is not null && !File.Exists(Path.Combine(directory, "Analyzer.sln")))
    {
        directory = Path.GetDirectoryName(directory);
    }

    if (directory is null)
    {
        return [];
    }

    return [Path.Combine(directory, "samples"), Path.Combine(directory, "..", "shared", "captures")];
}
