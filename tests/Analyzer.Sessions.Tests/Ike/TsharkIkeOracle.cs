using System.Globalization;
using System.Xml;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>Per frame, what tshark's ISAKMP dissector shows: exchange type and top-level payload type numbers of each message.</summary>
internal static class TsharkIkeOracle
{
    /// <param name="Malformed">tshark's dissector raised an exception in this frame and stopped early.</param>
    public sealed record Message(long Frame, int ExchangeType, IReadOnlyList<int> Payloads, bool Malformed);

    /// <param name="keyTable">Wireshark IKEv1 decryption table lines (cookie,key) to hand tshark, or none.</param>
    public static List<Message> Read(string capture, IEnumerable<string>? keyTable = null)
    {
        var arguments = new List<string> { "-n", "-Y", "isakmp && !icmp && !icmpv6", "-T", "pdml" };
        foreach (string line in keyTable ?? [])
        {
            arguments.Add("-o");
            arguments.Add("uat:ikev1_decryption_table:" + line.Replace("\"", string.Empty, StringComparison.Ordinal).Trim());
        }

        string pdml = Tshark.Run(capture, arguments);
        var messages = new List<Message>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(pdml), settings);
        var document = new XmlDocument { XmlResolver = null };
        document.Load(reader);
        foreach (XmlElement packet in document.GetElementsByTagName("packet"))
        {
            long frame = 0;
            bool malformed = packet.ChildNodes.OfType<XmlElement>().Any(p => p.GetAttribute("name") == "_ws.malformed");
            foreach (XmlElement proto in packet.ChildNodes.OfType<XmlElement>())
            {
                if (proto.GetAttribute("name") == "frame")
                {
                    XmlElement? number = proto.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.GetAttribute("name") == "frame.number");
                    frame = long.Parse(number?.GetAttribute("show") ?? "0", CultureInfo.InvariantCulture);
                }

                if (proto.GetAttribute("name") != "isakmp")
                {
                    continue;
                }

                int exchange = -1;
                var payloads = new List<int>();
                foreach (XmlElement field in proto.ChildNodes.OfType<XmlElement>())
                {
                    string name = field.GetAttribute("name");
                    if (name == "isakmp.exchangetype")
                    {
                        exchange = int.Parse(field.GetAttribute("show"), CultureInfo.InvariantCulture);
                    }
                    else if (name == "isakmp.typepayload")
                    {
                        payloads.Add(int.Parse(field.GetAttribute("show"), CultureInfo.InvariantCulture));
                    }
                    else if (name == "isakmp.enc.data")
                    {
                        // Decrypted payloads hang under the encrypted-data field.
                        foreach (XmlElement inner in field.ChildNodes.OfType<XmlElement>().Where(e => e.GetAttribute("name") == "isakmp.typepayload"))
                        {
                            payloads.Add(int.Parse(inner.GetAttribute("show"), CultureInfo.InvariantCulture));
                        }
                    }
                }

                messages.Add(new Message(frame, exchange, payloads, malformed));
            }
        }

        return messages;
    }
}
