using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ah;
using Analyzer.Protocols.Esp;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Esp;

/// <summary>
/// Counts ESP (IP protocol 50, ESP-in-UDP on 4500, ESP behind AH) and AH per SPI and direction for
/// one capture, then, once the IKE stage has filled <see cref="CaptureModel.IkeSas"/>, pairs the
/// two directions of each IPsec SA and marks one-way flows, ESP after a Delete and ESP with no IKE SA.
/// </summary>
public sealed class EspFlowTracker
{
    /// <summary>Frames remembered over all flows for the after-Delete count (16 bytes each).</summary>
    public const int MaxRecordedFrames = 2_000_000;

    private readonly AnalysisInput _input;
    private readonly AnalysisLimits _limits;
    private readonly Dictionary<FlowKey, EspFlowState> _flows = [];
    private readonly List<EspFlowState> _ordered = [];
    private readonly List<InputDiagnostic> _diagnostics = [];
    private int _recordedFrames;
    private long _malformed;
    private bool _limitReported;

    public EspFlowTracker(AnalysisInput input, AnalysisLimits limits)
    {
        _input = input;
        _limits = limits;
    }

    public void Observe(in VpnDatagram datagram)
    {
        switch (datagram.Kind)
        {
            case TrafficKind.Esp:
                ObserveEsp(datagram, datagram.Payload, datagram.WireLength, EspEncapsulation.Esp, null);
                break;
            case TrafficKind.EspInUdp:
                ObserveEsp(datagram, datagram.Payload, datagram.WireLength, EspEncapsulation.Udp, null);
                break;
            case TrafficKind.Ah:
                ObserveAh(datagram);
                break;
        }
    }

    public void Complete(CaptureModel model)
    {
        var flows = new List<EspFlowState>(_ordered.Count);
        foreach (EspFlowState state in _ordered)
        {
            state.Publish();
            flows.Add(state);
        }

        EspFlowPairing.Apply(flows, model.IkeSas);
        foreach (EspFlowState state in flows)
        {
            model.EspFlows.Add(state.Flow);
        }

        model.Diagnostics.AddRange(_diagnostics);
        if (_malformed > _diagnostics.Count)
        {
            model.Diagnostics.Add(new InputDiagnostic(_input.DisplayName, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{_malformed - _diagnostics.Count} more malformed ESP/AH packets not listed")));
        }
    }

    private void ObserveAh(in VpnDatagram datagram)
    {
        ReadOnlySpan<byte> ah = datagram.Payload;
        if (!AhHeader.TryRead(ah, out AhHeader header, out ParseError error))
        {
            Malformed(datagram.Frame, "AH: " + error);
            return;
        }

        Count(datagram, header.Spi, header.Sequence, datagram.WireLength, EspEncapsulation.Ah, null);
        if (header.NextHeader != AhHeader.EspProtocol)
        {
            return;
        }

        if (!header.TryGetNext(ah, out ReadOnlySpan<byte> esp, out error))
        {
            Malformed(datagram.Frame, "AH: " + error);
            return;
        }

        ObserveEsp(datagram, esp, datagram.WireLength - header.HeaderLength, EspEncapsulation.Esp, header.Spi);
    }

    private void ObserveEsp(in VpnDatagram datagram, ReadOnlySpan<byte> esp, int wireBytes, EspEncapsulation encapsulation, uint? ahSpi)
    {
        if (EspHeader.TryRead(esp, out EspHeader header, out ParseError error))
        {
            Count(datagram, header.Spi, header.Sequence, wireBytes, encapsulation, ahSpi);
            return;
        }

        if (datagram.IsTruncated && esp.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(esp) != 0)
        {
            // Snaplen cut the packet after the SPI: it still counts; its sequence number is unknown.
            Count(datagram, BinaryPrimitives.ReadUInt32BigEndian(esp), null, wireBytes, encapsulation, ahSpi);
            return;
        }

        Malformed(datagram.Frame, "ESP: " + error);
    }

    private void Count(in VpnDatagram datagram, uint spi, uint? sequence, int bytes, EspEncapsulation encapsulation, uint? ahSpi)
    {
        var key = new FlowKey(spi, datagram.Source, datagram.Destination, encapsulation);
        if (!_flows.TryGetValue(key, out EspFlowState? state))
        {
            if (_flows.Count >= _limits.MaxEspFlows)
            {
                if (!_limitReported)
                {
                    _limitReported = true;
                    _diagnostics.Add(new InputDiagnostic(_input.DisplayName, null, datagram.Frame.Frame,
                        string.Create(CultureInfo.InvariantCulture, $"more than {_limits.MaxEspFlows} ESP/AH flows; later ones are not counted")));
                }

                return;
            }

            state = new EspFlowState(new EspFlow { Spi = spi, Source = datagram.Source, Destination = datagram.Destination, Encapsulation = encapsulation, AhSpi = ahSpi });
            _flows.Add(key, state);
            _ordered.Add(state);
        }

        state.Observe(datagram.Frame, sequence, bytes);
        if (datagram.Decryption != EspDecryptionStatus.NotAttempted)
        {
            RecordDecryption(state.Flow, datagram, sequence);
        }

        if (_recordedFrames < MaxRecordedFrames)
        {
            state.Frames.Add((datagram.Frame.Frame, datagram.Frame.Time.UnixNanoseconds));
            _recordedFrames++;
        }
        else
        {
            state.FramesIncomplete = true;
        }
    }

    private const int MaxIcvFrames = 100;

    private static void RecordDecryption(EspFlow flow, in VpnDatagram datagram, uint? sequence)
    {
        if (datagram.DecryptionKey is { } key && flow.KeyOrigin is null)
        {
            flow.KeyOrigin = key.Origin;
            flow.DecryptedWith = key.Algorithms;
        }

        switch (datagram.Decryption)
        {
            case EspDecryptionStatus.Decrypted:
                flow.DecryptedPackets++;
                break;
            case EspDecryptionStatus.IcvMismatch:
                flow.IcvMismatches++;
                if (flow.IcvMismatchFrames.Count < MaxIcvFrames)
                {
                    flow.IcvMismatchFrames.Add(datagram.Frame);
                    flow.IcvMismatchSequences.Add(sequence);
                }

                break;
            case EspDecryptionStatus.BadPadding:
                flow.BadPadding++;
                break;
            default:
                flow.NotDecrypted++;
                if (datagram.Decryption == EspDecryptionStatus.Unsupported && datagram.DecryptionKey is not null)
                {
                    flow.KeyUnsupported = true;
                }

                break;
        }
    }

    private void Malformed(FrameRef frame, string message)
    {
        _malformed++;
        if (_diagnostics.Count < 1_000)
        {
            _diagnostics.Add(new InputDiagnostic(_input.DisplayName, null, frame.Frame, message));
        }
    }

    private readonly record struct FlowKey(uint Spi, NetEndpoint Source, NetEndpoint Destination, EspEncapsulation Encapsulation);
}
