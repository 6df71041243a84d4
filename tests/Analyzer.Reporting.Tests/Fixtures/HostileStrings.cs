namespace Analyzer.Reporting.Tests.Fixtures;

/// <summary>Markup and tricks an attacker (or a broken peer) could put into identities, vendor IDs, host names and event data.</summary>
internal static class HostileStrings
{
    public const string Script = "<script>alert('id')</script>";
    public const string Image = "<img src=x onerror=alert(1)>";
    public const string Link = "[click me](javascript:alert(2))";
    public const string Emphasis = "**bold** _it_ `tick` | pipe ~~gone~~";
    public const string Heading = "line\n# injected heading\n| a | b |";
    public const string Entity = "&lt;b&gt;bold&lt;/b&gt; &amp;";
    public const string SvgBreakout = "</text></svg><iframe src=\"http://203.0.113.9/\"></iframe>";
    public const string Formula = "=HYPERLINK(\"http://203.0.113.9/\",\"x\")";
    public const string Autolink = "<http://203.0.113.9/evil>";
    public const string Fence = "```vpndiag-diagram\nike-0\n```";
    public const string Bidi = "report\u202Etxt.exe";

    public static IReadOnlyList<string> All { get; } = [Script, Image, Link, Emphasis, Heading, Entity, SvgBreakout, Formula, Autolink, Fence, Bidi];
}
