using System.CommandLine;
using Analyzer.Pipeline.Inputs;
using Analyzer.Cli.Pipeline;
using Analyzer.Core;
using Analyzer.Diagnosis;
using Analyzer.Reporting;

namespace Analyzer.Cli.Commands;

/// <summary>
/// <c>vpndiag analyze INPUT... [-o PATH] [--format md|html|json|csv] [--rules DIR] [--keys FILE] [--ike-keys FILE]
/// [--redact] [--quiet] [--timings]</c>: the product. Exit 0 = analysed, nothing wrong; 1 = at least one
/// warning or error finding; 2 = nothing could be analysed.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Captures (.pcap, .pcapng, .cap, gzip too), event logs (.evtx, .evt, .xml, .csv), daemon logs, IKE key tables, directories or .zip bundles.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report here (a directory for csv, or for several bundles). Default: Markdown on stdout." };
        var format = new Option<string?>("--format") { Description = "md, html, json or csv. Default: from the output's extension, else md." };
        format.AcceptOnlyFromAmong("md", "html", "json", "csv");
        var rules = new Option<string[]>("--rules") { Description = "A directory of extra rule files (YAML); may be repeated." };
        var keys = new Option<string[]>("--keys") { Description = "A key file: Wireshark's esp_sa, ikev2_decryption_table or ikev1_decryption_table, 'ip xfrm state' output, or a charon log at 'ike 4, chd 4'; may be repeated. Keys are never printed." };
        var ikeKeys = new Option<string[]>("--ike-keys") { Description = "Same as --keys (kept for the IKEv1 table it used to take); may be repeated." };
        var redact = new Option<bool>("--redact") { Description = "Replace addresses, host, user and certificate names with stable pseudonyms." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar." };
        var timings = new Option<bool>("--timings") { Description = "Print how long each pipeline stage took (stderr)." };
        var year = LogTimeOptions.Year();
        var logTz = LogTimeOptions.Zone();

        var command = new Command("analyze", """
            Explain why an L2TP/IPsec connection fails, from the captures and logs of one ticket.

            Examples:
              vpndiag analyze client.pcapng server.pcap
              vpndiag analyze ticket-4711/ -o report.html
              vpndiag analyze ticket.zip --format json -o report.json
              vpndiag analyze server.pcap --keys esp_sa --keys ikev2_decryption_table
              vpndiag analyze bundle-a/ bundle-b.zip -o reports/     (one report per bundle + summary)
            """)
        {
            inputs, output, format, rules, keys, ikeKeys, redact, quiet, timings, year, logTz,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new AnalyzeRequest(
                parseResult.GetValue(inputs) ?? [],
                parseResult.GetValue(output),
                ReportFormatChoice.Decide(parseResult.GetValue(format), parseResult.GetValue(output)),
                parseResult.GetValue(rules) ?? [],
                [.. parseResult.GetValue(keys) ?? [], .. parseResult.GetValue(ikeKeys) ?? []],
                parseResult.GetValue(redact),
                parseResult.GetValue(quiet),
                parseResult.GetValue(timings),
                parseResult.GetValue(year),
                LogTimeOptions.ZoneOf(parseResult.GetValue(logTz)));
            return Task.FromResult(new AnalyzeRun(request, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error).Execute(cancellationToken));
        });
        return command;
    }
}
