using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Sessions.Ppp;

/// <summary>The network control protocols after LCP: IPCP (RFC 1332, 1877), IPv6CP (RFC 5072) and CCP/MPPE (RFC 1962, 3078), and the per-direction state of each NCP.</summary>
public sealed partial class PppSessionTracker
{
    private string OnIpcp(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        if (!fromClient && packet.Code is PppCodes.ConfigureReject or PppCodes.ConfigureNak
            && TryFindOption(packet.Data, PppOptionNames.IpcpAddress, out ReadOnlySpan<byte> refused)
            && (packet.Code == PppCodes.ConfigureReject || refused.Length == 4 && BinaryPrimitives.ReadUInt32BigEndian(refused) == 0))
        {
            // RFC 1332 §3.3: rejecting IP-Address (or naming no address) leaves the client without one.
            Session.ClientAddressRefused = true;
            Session.ClientAddressRefusedFrame ??= frame;
        }

        if (packet.Code == PppCodes.TerminateRequest && Session.IpcpTerminatedByClient is null)
        {
            Session.IpcpTerminatedByClient = fromClient;
            Session.IpcpTerminationMessage = Text(packet.Data, frame);
            return Session.IpcpTerminationMessage;
        }

        // An Ack repeats the request it accepts: an Ack from the server confirms the client's own address.
        if (AckedOption(packet, PppOptionNames.IpcpAddress, out ReadOnlySpan<byte> address) && address.Length == 4)
        {
            string text = NetAddress.FromV4(address).ToString();
            (fromClient ? ref _serverAddress : ref _clientAddress) = text;
            Session.ClientAddress = _clientAddress;
            Session.ServerAddress = _serverAddress;
        }

        TrackNcp(_ipcp, fromClient, packet.Code);
        Session.IpcpOpened = _ipcp.Opened;
        return OptionsOrEmpty(PppProtocols.Ipcp, packet);
    }

    private string OnIpv6cp(bool fromClient, PppControlPacket packet)
    {
        if (AckedOption(packet, PppOptionNames.Ipv6cpInterfaceIdentifier, out ReadOnlySpan<byte> id))
        {
            string text = Convert.ToHexStringLower(id);
            (fromClient ? ref _serverInterfaceId : ref _clientInterfaceId) = text;
            Session.ClientInterfaceId = _clientInterfaceId;
            Session.ServerInterfaceId = _serverInterfaceId;
        }

        TrackNcp(_ipv6cp, fromClient, packet.Code);
        Session.Ipv6cpOpened = _ipv6cp.Opened;
        return OptionsOrEmpty(PppProtocols.Ipv6cp, packet);
    }

    private static bool AckedOption(PppControlPacket packet, byte type, out ReadOnlySpan<byte> value)
    {
        value = default;
        return packet.Code == PppCodes.ConfigureAck && TryFindOption(packet.Data, type, out value);
    }

    private string OnCcp(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        string summary = OptionsOrEmpty(PppProtocols.Ccp, packet);
        bool mppe = TryFindOption(packet.Data, PppOptionNames.CcpMppe, out _);
        if (packet.Code == PppCodes.ConfigureRequest && mppe)
        {
            Session.EncryptionRequestedByServer ??= !fromClient;
        }
        else if (packet.Code == PppCodes.ConfigureReject && mppe)
        {
            EncryptionRefused(frame, fromClient);
        }

        if (packet.Code == PppCodes.ConfigureAck)
        {
            Session.CompressionNegotiated = true;
            Session.Compression = summary;
        }

        return summary;
    }

    /// <summary>The MPPE request of the other side was refused by <paramref name="fromClient"/>'s side.</summary>
    private void EncryptionRefused(FrameRef frame, bool fromClient)
    {
        if (Session.EncryptionRequestedByServer == fromClient && Session.EncryptionRefusedByClient is null)
        {
            Session.EncryptionRefusedByClient = fromClient;
            Session.EncryptionRefusalFrame = frame;
        }
    }

    private static void TrackNcp(NcpDirection state, bool fromClient, byte code)
    {
        switch (code)
        {
            case PppCodes.ConfigureRequest:
                state.Request(fromClient);
                break;
            case PppCodes.ConfigureAck:
                state.Ack(fromClient);
                break;
            case PppCodes.ConfigureNak:
            case PppCodes.ConfigureReject:
                state.Refused(fromClient);
                break;
        }
    }

    private static string OptionsOrEmpty(ushort protocol, PppControlPacket packet) =>
        packet.Code is >= PppCodes.ConfigureRequest and <= PppCodes.ConfigureReject ? PppOptionFormatter.Format(protocol, packet.Data) : string.Empty;

    private static bool TryFindOption(ReadOnlySpan<byte> options, byte type, out ReadOnlySpan<byte> value)
    {
        var reader = new PppOptionReader(options);
        while (reader.TryReadOption(out PppOption option, out _))
        {
            if (option.Type == type)
            {
                value = option.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
