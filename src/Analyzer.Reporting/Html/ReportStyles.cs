namespace Analyzer.Reporting.Html;

/// <summary>The report's only stylesheet, inlined: readable on screen and in print, no web fonts.</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f4f5f7; color: #1d232a; font: 15px/1.5 system-ui, "Segoe UI", "DejaVu Sans", sans-serif; }
        main.report { max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #d8dde3; }
        h3 { font-size: 16px; margin: 26px 0 8px; }
        h1 + p { color: #5a6570; margin-top: 0; }
        h2#verdict + p { font-size: 18px; padding: 12px 16px; border-radius: 6px; border-left: 6px solid #5a6570; background: #eef1f4; margin-bottom: 6px; }
        body.severity-error h2#verdict + p { border-left-color: #b42318; background: #fdecea; }
        body.severity-warning h2#verdict + p { border-left-color: #b54708; background: #fef4e6; }
        body.severity-info h2#verdict + p, body.severity-ok h2#verdict + p { border-left-color: #1f7a3f; background: #e9f6ee; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; display: block; overflow-x: auto; max-width: 100%; }
        th, td { border: 1px solid #d8dde3; padding: 3px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        th { background: #eef1f4; }
        tr:nth-child(even) td { background: #fafbfc; }
        code { font: 12.5px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #eef1f4; padding: 1px 4px; border-radius: 3px; overflow-wrap: break-word; }
        figure.diagram-wrap { margin: 10px 0 18px; overflow-x: auto; border: 1px solid #d8dde3; border-radius: 6px; background: #fcfdfe; padding: 6px; }
        svg.diagram { display: block; max-width: 100%; height: auto; font: 11.5px system-ui, "DejaVu Sans", sans-serif; }
        .ld-lane-box { fill: #eef1f4; stroke: #8a96a3; }
        .ld-lane-title { font-weight: 600; fill: #1d232a; }
        .ld-lane-sub { fill: #5a6570; font-size: 10.5px; }
        .ld-lifeline { stroke: #a9b3bd; stroke-dasharray: 4 4; }
        .ld-left { fill: #5a6570; font: 10.5px ui-monospace, "DejaVu Sans Mono", monospace; }
        .ld-label { fill: #1d232a; }
        .ld-normal { stroke: #1f4e79; stroke-width: 1.6; } .ld-normal-head { fill: #1f4e79; }
        .ld-retx { stroke: #b54708; stroke-width: 1.6; stroke-dasharray: 6 4; } .ld-retx-head { fill: #b54708; } .ld-retx-text { fill: #8a3b06; }
        .ld-fail { stroke: #b42318; stroke-width: 2; } .ld-fail-head { fill: #b42318; } .ld-fail-text { fill: #b42318; font-weight: 600; }
        .ld-unanswered { stroke: #b42318; stroke-width: 1.6; } .ld-unanswered-head { fill: #b42318; }
        .ld-lost { stroke: #b42318; stroke-width: 1.6; stroke-dasharray: 2 3; } .ld-lost-text { fill: #b42318; }
        .ld-cross { stroke: #b42318; stroke-width: 2.4; }
        .ld-muted { stroke: #9aa4ae; stroke-width: 1.2; } .ld-muted-head { fill: #9aa4ae; } .ld-muted-text { fill: #6b7580; }
        .ld-tag { fill: #b42318; font-weight: 600; }
        .tl-input { fill: #1d232a; } .tl-row { stroke: #e3e7eb; } .tl-axis { stroke: #5a6570; } .tl-tick, .tl-caption { fill: #5a6570; }
        .tl-dot { stroke: #fff; stroke-width: 1; fill: #1f4e79; }
        .tl-ike { fill: #1f4e79; } .tl-esp { fill: #2e7d32; } .tl-l2tp { fill: #6a3d9a; } .tl-pptp { fill: #8e5a00; } .tl-ppp { fill: #00838f; } .tl-event { fill: #5a6570; }
        .tl-failure { fill: #b42318; }
        @media print { body { background: #fff; } main.report { padding: 0; } figure.diagram-wrap { break-inside: avoid; } }
        """;
}
