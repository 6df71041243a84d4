using System.Security.Cryptography;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Payloads;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// Decides which side is behind a NAT from recomputed NAT-D hashes. A hash that does not match
/// the address and port the capture saw means that address was translated somewhere on the path:
/// a sender-address mismatch puts the sender behind NAT, a receiver-address mismatch the receiver.
/// </summary>
internal static class NatDetectionEvaluator
{
    public static void Evaluate(NatDetection nat, IReadOnlyList<NatDiscoverySample> samples, HashAlgorithmName? algorithm)
    {
        if (samples.Count == 0)
        {
            return;
        }

        nat.NatDiscoveryExchanged = true;
        if (algorithm is not HashAlgorithmName hash)
        {
            return;
        }

        bool verified = false;
        foreach (NatDiscoverySample sample in samples)
        {
            if (sample.SourceHashes.Count > 0)
            {
                bool sourceMatches = AnyMatches(hash, sample, sample.SourceHashes, sample.Source);
                verified = true;
                Mark(nat, senderIsInitiator: sample.FromInitiator, translated: !sourceMatches);
            }

            if (sample.DestinationHashes.Count > 0)
            {
                bool destinationMatches = AnyMatches(hash, sample, sample.DestinationHashes, sample.Destination);
                verified = true;
                Mark(nat, senderIsInitiator: !sample.FromInitiator, translated: !destinationMatches);
            }
        }

        nat.HashesVerified = verified;
    }

    private static void Mark(NatDetection nat, bool senderIsInitiator, bool translated)
    {
        // A match from one vantage point does not cancel a mismatch seen on another message.
        if (senderIsInitiator)
        {
            nat.InitiatorBehindNat = nat.InitiatorBehindNat == true || translated;
        }
        else
        {
            nat.ResponderBehindNat = nat.ResponderBehindNat == true || translated;
        }
    }

    private static bool AnyMatches(HashAlgorithmName hash, NatDiscoverySample sample, IReadOnlyList<byte[]> hashes, NetEndpoint endpoint)
    {
        byte[]? expected = NatDiscoveryHash.Compute(hash, sample.InitiatorCookie, sample.ResponderCookie, endpoint);
        if (expected is null)
        {
            return true;
        }

        foreach (byte[] candidate in hashes)
        {
            if (candidate.AsSpan().SequenceEqual(expected))
            {
                return true;
            }
        }

        return false;
    }
}
