using System.Globalization;
using Analyzer.Bench.Capture;

// Usage:
//   generate OUTPUT.pcap SIZE_MB [TEMPLATE_DIR...]   write a customer-like capture
//   run FILE [REPETITIONS] [VPNDIAG...]                side by side: cat, read, decode, SharpPcap+PacketDotNet, each vpndiag build given, tshark
//   measure MODE FILE                                  one contender in this process (used by run)
if (args.Length >= 2 && args[0] == "generate")
{
    long bytes = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) * 1_000_000 : 1_000_000_000;
    IEnumerable<string> directories = args.Length > 3 ? args[3..] : DefaultTemplateDirectories();
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
    var generator = new CustomerCaptureGenerator(templates);
    generator.Generate(args[1], bytes);
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

Console.Error.WriteLine("usage: generate OUTPUT SIZE_MB [TEMPLATE_DIR...] | run FILE [REPETITIONS] [VPNDIAG...] | measure read|decode|sharppcap FILE");
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
