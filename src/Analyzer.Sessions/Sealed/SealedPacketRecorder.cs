using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Sealed;

/// <summary>
/// Keeps the size, time and direction of each ESP packet of a capture, up to
/// <see cref="MaxPackets"/>, for inferring what encrypted traffic carried. ESP flows keep counts;
/// this keeps the per-packet shape they drop.
/// </summary>
public sealed class SealedPacketRecorder
{
    /// <summary>
    /// Enough for the setup and teardown patterns the inference reads (they span seconds to
    /// minutes); past it a bulk transfer adds nothing to them. 48 bytes a packet.
    /// </summary>
    public const int MaxPackets = 250_000;

    private const int SpiLength = 4;

    private readonly AnalysisInput _input;
    private readonly SealedTraffic _packets;
    private long _notListed;
    private FrameRef? _firstNotListed;

    /// <param name="into">The capture model's own collection: packets go straight there, never copied.</param>
    public SealedPacketRecorder(AnalysisInput input, SealedTraffic into)
    {
        _input = input;
        _packets = into;
    }

    public void Observe(in VpnDatagram datagram)
    {
        if (datagram.Kind is not (TrafficKind.Esp or TrafficKind.EspInUdp) || datagram.Payload.Length < SpiLength)
        {
            return;
        }

        if (_packets.Count >= MaxPackets)
        {
            _notListed++;
            _firstNotListed ??= datagram.Frame;
            return;
        }

        uint spi = BinaryPrimitives.ReadUInt32BigEndian(datagram.Payload);
        _packets.Add(datagram.Frame, datagram.Source, datagram.Destination, spi, datagram.WireLength);
    }

    public void Complete(CaptureModel model)
    {
        if (_notListed > 0 && _firstNotListed is FrameRef first)
        {
            model.Diagnostics.Add(new InputDiagnostic(_input.DisplayName, null, first.Frame,
                string.Create(CultureInfo.InvariantCulture,
                    $"more than {MaxPackets} ESP packets: the {_notListed} after frame {first.Frame} are counted but not used to infer what the tunnel carried")));
        }
    }
}
