using System.Globalization;
using Analyzer.Fuzz;
using Analyzer.Protocols.Traffic;
using SharpFuzz;

// dotnet Analyzer.Fuzz.dll <target>                    fuzz under afl-fuzz (persistent SharpFuzz loop)
// dotnet Analyzer.Fuzz.dll <target> <file>...          replay inputs once each (crash triage)
// dotnet Analyzer.Fuzz.dll seed <ike|l2tp> <capture> <out>   framed seed from a real capture
if (args.Length == 4 && args[0] == "seed")
{
    TrafficKind kind = args[1] == "ike" ? TrafficKind.Ike : TrafficKind.L2tp;
    int written = SeedExtractor.Extract(args[2], kind, args[3]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[3]}: {written} datagrams"));
    return written > 0 ? 0 : 3;
}

if (args.Length == 0 || !FuzzTargets.TryGet(args[0], out FuzzBody body))
{
    Console.Error.WriteLine("usage: Analyzer.Fuzz <target> [input-file...]; targets: " + string.Join(", ", FuzzTargets.Names));
    return 2;
}

if (args.Length == 1)
{
    Fuzzer.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        body(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    });
    return 0;
}

int failures = 0;
foreach (string file in args.Skip(1))
{
    try
    {
        body(File.ReadAllBytes(file));
        Console.WriteLine($"{file}: ok");
    }
#pragma warning disable CA1031 // Triage reports every exception type: any one is a vpndiag bug.
    catch (Exception exception)
#pragma warning restore CA1031
    {
        failures++;
        Console.WriteLine($"{file}: {exception}");
    }
}

return failures == 0 ? 0 : 1;
