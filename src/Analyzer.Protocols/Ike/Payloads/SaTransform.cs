namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// A transform: IKEv1 (RFC 2408 §3.6) has a number and an ID whose meaning depends on the
/// proposal's protocol; IKEv2 (RFC 7296 §3.3.2) has a type (ENCR, PRF, INTEG, D-H, ESN) and an ID.
/// </summary>
public sealed record SaTransform(byte Number, byte TransformType, ushort TransformId, IReadOnlyList<SaAttribute> Attributes)
{
    public long? Attribute(ushort type)
    {
        foreach (SaAttribute attribute in Attributes)
        {
            if (attribute.Type == type)
            {
                return attribute.Value;
            }
        }

        return null;
    }
}
