namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>A proposal (RFC 2408 §3.5, RFC 7296 §3.3.1): protocol, SPI and transforms, copied out of the frame.</summary>
public sealed record SaProposal(byte Number, byte ProtocolId, byte[] Spi, IReadOnlyList<SaTransform> Transforms);
