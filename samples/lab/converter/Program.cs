using System.Globalization;
using KernelStackConverter;

// dotnet run --project samples/lab/converter -- IN.pcap OUT.pcap
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: KernelStackConverter IN.pcap OUT.pcap");
    return 2;
}

byte[] input;
try
{
    input = File.ReadAllBytes(args[0]);
}
catch (IOException exception)
{
    Console.Error.WriteLine($"convert: error: {args[0]}: {exception.Message}");
    return 2;
}

PcapFile? pcap = PcapFile.Read(input, out string error);
if (pcap is null)
{
    Console.Error.WriteLine($"convert: error: {args[0]}: {error}");
    return 2;
}

var rewriter = new KernelStackRewriter(pcap.LinkType);
var output = new List<PcapRecord>(pcap.Records.Count);
foreach (PcapRecord record in pcap.Records)
{
    byte[]? frame = rewriter.Rewrite(record.Data);
    if (frame is not null)
    {
        // Frames were captured whole (snaplen 262144), so the original length follows the new size.
        output.Add(record with { Data = frame, OriginalLength = (uint)frame.Length });
    }
}

using (FileStream stream = File.Create(args[1]))
{
    pcap.Write(stream, output);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{args[0]} -> {args[1]}: {output.Count} frames; ESP unwrapped {rewriter.EspConverted}, IKE 4500->500 {rewriter.IkeMovedTo500}, keepalives dropped {rewriter.KeepalivesDropped}, NAT-D rewritten {rewriter.NatDetectionRewritten} (no hash known {rewriter.NatDetectionWithoutHash}), IP fragments kept {rewriter.FragmentsKept}"));
return rewriter.NatDetectionWithoutHash == 0 ? 0 : 1;
