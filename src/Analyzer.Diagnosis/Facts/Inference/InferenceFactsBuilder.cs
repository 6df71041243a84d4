using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>
/// The observation layer for encrypted traffic: runs each inference over one capture's ESP packet
/// shapes (<see cref="Analyzer.Sessions.CaptureModel.SealedPackets"/>) and encrypted IKE headers.
/// </summary>
internal static class InferenceFactsBuilder
{
    public static void Build(CaptureContext context, List<InferenceFacts> into)
    {
        // With keys the decrypted content is the evidence: an inference from sizes and timing stands aside
        // for every ESP flow (and every IKE message) vpndiag could read.
        HashSet<uint> read = context.Capture.EspFlows.Where(f => f.DecryptedPackets > 0).Select(f => f.Spi).ToHashSet();
        foreach (SealedConversation conversation in SealedConversation.Of(context.Capture.SealedPackets, context.Capture.IkeSas))
        {
            if (read.Count > 0 && conversation.Packets.Exists(p => read.Contains(p.Spi)))
            {
                continue;
            }

            RetransmissionInference.Find(conversation, context, into);
            ShortExchangeInference.Find(conversation, context, into);
        }

        SecondAuthenticationInference.Find(context, into);
        DeadPeerDetectionInference.Find(context, into);
        IkeAuthRefusalInference.Find(context, into);
        foreach (KeyValuePair<NetEndpoint, long> sender in context.Capture.NatKeepalives)
        {
            into.Add(new InferenceFacts
            {
                InputIndex = context.InputIndex,
                Input = context.Input,
                Vantage = context.Vantage,
                Kind = InferenceKinds.NatKeepalive,
                Client = sender.Key.ToString(),
                Basis = string.Create(CultureInfo.InvariantCulture, $"{sender.Value} one-byte 0xFF datagrams on UDP 4500 from {sender.Key}"),
                Meaning = "NAT-T keepalives (RFC 3948 §2.3): the sender believes it is behind a NAT and keeps the mapping open",
                Repeats = (int)Math.Min(sender.Value, int.MaxValue),
                DisplayFilter = "udp.port == 4500 && udp.length == 9",
            });
        }
    }
}
