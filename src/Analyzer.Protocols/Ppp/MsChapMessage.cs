using System.Globalization;

namespace Analyzer.Protocols.Ppp;

/// <summary>
/// The text of an MS-CHAP Success or Failure packet (RFC 2759 §5–6):
/// failure "E=691 R=0 C=&lt;32 hex&gt; V=3 M=&lt;text&gt;", success "S=&lt;40 hex&gt; M=&lt;text&gt;".
/// Fields are space-separated key=value pairs; M= runs to the end and may contain spaces.
/// </summary>
public readonly record struct MsChapMessage(int? ErrorCode, bool? RetryAllowed, int? Version, bool HasAuthenticatorResponse, string? Message)
{
    /// <summary>The M= text was longer than the limit and was cut (and marked).</summary>
    public bool MessageCut { get; init; }

    public static MsChapMessage Parse(ReadOnlySpan<byte> text, int maxLength)
    {
        int? errorCode = null;
        bool? retry = null;
        int? version = null;
        bool authenticator = false;
        string? message = null;
        bool cut = false;
        int offset = 0;
        while (offset < text.Length)
        {
            while (offset < text.Length && text[offset] == (byte)' ')
            {
                offset++;
            }

            if (offset + 2 > text.Length || text[offset + 1] != (byte)'=')
            {
                break;
            }

            byte key = text[offset];
            int valueStart = offset + 2;
            if (key == (byte)'M')
            {
                message = PeerText.Decode(text[valueStart..], maxLength, out cut);
                break;
            }

            int end = text[valueStart..].IndexOf((byte)' ');
            int valueEnd = end < 0 ? text.Length : valueStart + end;
            ReadOnlySpan<byte> value = text[valueStart..valueEnd];
            switch (key)
            {
                case (byte)'E':
                    errorCode = ParseDecimal(value);
                    break;
                case (byte)'R':
                    retry = value.Length == 1 ? value[0] == (byte)'1' : null;
                    break;
                case (byte)'V':
                    version = ParseDecimal(value);
                    break;
                case (byte)'S':
                    authenticator = value.Length > 0;
                    break;
            }

            offset = valueEnd;
        }

        return new MsChapMessage(errorCode, retry, version, authenticator, message) { MessageCut = cut };
    }

    private static int? ParseDecimal(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty || digits.Length > 9)
        {
            return null;
        }

        int value = 0;
        foreach (byte digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return null;
            }

            value = (value * 10) + (digit - '0');
        }

        return value;
    }

    public override string ToString()
    {
        if (ErrorCode is int code)
        {
            return string.Create(CultureInfo.InvariantCulture, $"E={code} ({Analyzer.Core.WindowsErrors.Describe(code)})") + (Message is null ? string.Empty : " M=" + Message);
        }

        return Message ?? string.Empty;
    }
}
