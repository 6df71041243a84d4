using System.Text;
using Analyzer.Core;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>Format sniffing: content first, the extension only when the content says nothing. Inputs are short synthetic texts.</summary>
public sealed class EventLogFormatTests
{
    public static TheoryData<string, string, InputKind> TextCases => new()
    {
        { "<?xml version=\"1.0\"?><Events><Event xmlns='x'/></Events>", "a.txt", InputKind.EventXml },
        { "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System/></Event>", "export", InputKind.EventXml },
        { "\"(PDH-CSV 4.0) (Coordinated Universal Time)(0)\",\"\\\\S\\Processor(_Total)\\% Processor Time\"\r\n", "cpu.csv", InputKind.PerformanceCsv },
        { "Level,Date and Time,Source,Event ID,Task Category\r\n", "x.csv", InputKind.EventCsv },
        { "Ebene,Datum und Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie\r\n", "x.csv", InputKind.EventCsv },
        { "#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\n\"Message\",\"Id\"\r\n", "x.csv", InputKind.EventCsv },
        { "Nov 24 10:33:32.629 05[NET] <1> received packet: from 198.51.100.20[500] to 203.0.113.10[500] (180 bytes)\n", "server.log", InputKind.DaemonLog },
        { "Nov 24 10:33:32 vpn charon: 05[IKE] <l2tp|1> IKE_SA l2tp[1] established\n", "messages", InputKind.DaemonLog },
        { "xl2tpd[15028]: Listening on IP address 203.0.113.10, port 1701\n", "x.txt", InputKind.DaemonLog },
        { "Nov 24 10:33:32 vpn pluto[812]: \"l2tp\" #1: STATE_MAIN_R3\n", "secure", InputKind.DaemonLog },
        { "just some words\n", "notes.txt", InputKind.Unknown },
        { "just some words\n", "renamed.evtx", InputKind.Evtx },
    };

    [Theory]
    [MemberData(nameof(TextCases))]
    public void Text_inputs_are_recognised_by_content(string content, string fileName, InputKind expected) =>
        Assert.Equal(expected, EventLogFormat.Sniff(Encoding.UTF8.GetBytes(content), fileName));

    [Fact]
    public void Utf16_xml_export_with_bom_is_recognised()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<Events><Event/></Events>")];
        Assert.Equal(InputKind.EventXml, EventLogFormat.Sniff(bytes, "x.dat"));
    }

    [Fact]
    public void Evtx_and_evt_signatures_win_over_the_extension()
    {
        Assert.Equal(InputKind.Evtx, EventLogFormat.Sniff("ElfFile\0rest"u8, "log.csv"));
        byte[] evt = new byte[48];
        evt[0] = 0x30;
        "LfLe"u8.CopyTo(evt.AsSpan(4));
        Assert.Equal(InputKind.Evt, EventLogFormat.Sniff(evt, "log.xml"));
    }
}
