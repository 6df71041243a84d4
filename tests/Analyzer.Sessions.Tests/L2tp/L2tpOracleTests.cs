using Analyzer.Protocols.L2tp;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Tests.Esp;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.L2tp;

/// <summary>
/// L2TP control messages (frame, message type, Ns, Nr, tunnel and session id) equal tshark's on every
/// capture. Copies quoted inside ICMP error messages are not traffic and are left out on tshark's side.
/// </summary>
public sealed class L2tpOracleTests
{
    public static TheoryData<string> Captures => CaptureCorpus.All();

    [Theory]
    [MemberData(nameof(Captures))]
    public void Control_messages_equal_tshark(string capture)
    {
        string path = CaptureCorpus.Resolve(capture);
        string output = Tshark.Run(path, ["-n", "-Y", "l2tp.type == 1 && !(icmp.type == 3 || icmp.type == 4 || icmp.type == 5 || icmp.type == 11 || icmp.type == 12) && !(icmpv6.type <= 4)", "-T", "fields", "-E", "occurrence=f",
            "-e", "frame.number", "-e", "l2tp.avp.message_type", "-e", "l2tp.Ns", "-e", "l2tp.Nr", "-e", "l2tp.tunnel", "-e", "l2tp.session", "-e", "l2tp.avp.type"]);
        var expected = new List<string>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            // tshark names the type only when the first AVP is a Message Type; "none" stands for a ZLB (no AVP at all), "?" for malformed.
            string type = f[1].Length > 0 ? f[1] : f[6].Length == 0 ? "none" : "?";
            expected.Add(string.Join(' ', f[0], type, f[2], f[3], f[4], f[5]));
        }

        CaptureModel model = DecodedCapture.Shared(path);
        var actual = model.L2tpTunnels
            .SelectMany(t => t.ControlMessages)
            .OrderBy(m => m.Frame.Frame)
            .Select(m => string.Join(' ',
                m.Frame.Frame.ToString(CultureInfo.InvariantCulture),
                m.IsZlb ? "none" : m.MessageType is L2tpMessageType type ? ((int)type).ToString(CultureInfo.InvariantCulture) : "?",
                m.SequencePresent ? m.Ns.ToString(CultureInfo.InvariantCulture) : string.Empty,
                m.SequencePresent ? m.Nr.ToString(CultureInfo.InvariantCulture) : string.Empty,
                m.TunnelId.ToString(CultureInfo.InvariantCulture),
                m.SessionId.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        Assert.Equal(expected, actual);
    }
}
