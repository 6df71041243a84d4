namespace Analyzer.EventLogs.Evtx;

/// <summary>Binary XML tokens (low nibble); 0x40 on some of them means "more follows" or "has attributes".</summary>
internal static class BinXmlToken
{
    public const byte EndOfStream = 0x00;
    public const byte OpenStartElement = 0x01;
    public const byte CloseStartElement = 0x02;
    public const byte CloseEmptyElement = 0x03;
    public const byte EndElement = 0x04;
    public const byte Value = 0x05;
    public const byte Attribute = 0x06;
    public const byte CData = 0x07;
    public const byte CharRef = 0x08;
    public const byte EntityRef = 0x09;
    public const byte PiTarget = 0x0A;
    public const byte PiData = 0x0B;
    public const byte TemplateInstance = 0x0C;
    public const byte NormalSubstitution = 0x0D;
    public const byte OptionalSubstitution = 0x0E;
    public const byte FragmentHeader = 0x0F;
    public const byte MoreBit = 0x40;
}
