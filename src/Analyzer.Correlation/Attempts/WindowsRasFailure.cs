using System.Collections.Frozen;
using System.Globalization;
using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Windows Remote Access events as attempts of their own: the dialing client's RasClient events
/// (20221–20227, one CorrelationId per dial) and the RRAS server's RemoteAccess 20271 carry no IKE
/// cookie, only the Windows error code, and that code's stage column (<see cref="WindowsErrors.Stage"/>)
/// places the failure as a capture would. The provider says whose log it is: RasClient runs on the
/// client, RemoteAccess on the server. What the event does not name (the stages before the failing one,
/// the VPN protocol) stays unknown.
/// </summary>
internal static class WindowsRasFailure
{
    private const string ClientProvider = "RasClient";
    private const string ServerProvider = "RemoteAccess";

    /// <summary>The kinds (event maps) whose code is the connection attempt's failure, not a later disconnect.</summary>
    private static readonly FrozenSet<string> FailureKinds =
        new[] { "rasclient-error", "rasclient-connection-ended", "ras-server-connection-rejected" }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsRas(EventRecord record) => record.Normalized is not null && record.Provider is ClientProvider or ServerProvider;

    /// <summary>The client's log (RasClient) or the server's (RemoteAccess); null for any other record.</summary>
    public static bool? ByClient(EventRecord record) => !IsRas(record) ? null : record.Provider == ClientProvider;

    /// <summary>
    /// One dial's events: the client's by their CorrelationId; a record without one ("{NA}", as
    /// RemoteAccess writes it) is an attempt by itself.
    /// </summary>
    public static string Scope(EventRecord record)
    {
        string? id = record.Normalized?.Fields.GetValueOrDefault("correlationId");
        bool named = id is { Length: > 0 } && id != "{NA}" && !id.All(c => c is '0' or '-' or '{' or '}');
        return "ras:" + record.Provider + "/" + (named ? id : "record " + record.RecordId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The stage the event's code failed; false for an event that reports no failure, or a code that places none.</summary>
    public static bool TryStage(NormalizedEvent normalized, out AttemptStage stage)
    {
        stage = default;
        if (!FailureKinds.Contains(normalized.Kind) || normalized.Code is not long code || code == 0)
        {
            return false;
        }

        ErrorStage placed = WindowsErrors.Stage(code);
        if (placed == ErrorStage.Unplaced)
        {
            return false;
        }

        // ErrorStage lists the attempt's stages in the same order, minus esp and traffic (no code names them).
        stage = placed switch
        {
            ErrorStage.IkeReachability => AttemptStage.IkeReachability,
            ErrorStage.Phase1Proposal => AttemptStage.Phase1Proposal,
            ErrorStage.Phase1Auth => AttemptStage.Phase1Auth,
            ErrorStage.Phase2 => AttemptStage.Phase2,
            ErrorStage.L2tpTunnel => AttemptStage.L2tpTunnel,
            ErrorStage.L2tpSession => AttemptStage.L2tpSession,
            ErrorStage.PppLcp => AttemptStage.PppLcp,
            ErrorStage.PppAuth => AttemptStage.PppAuth,
            _ => AttemptStage.PppIpcp,
        };
        return true;
    }

    /// <summary>
    /// The side the code blames; a code that blames neither and that the client logged for a silent
    /// first message is the client's view only (path or server: the server's evidence decides).
    /// </summary>
    public static (AttemptSide Side, SideBasis Basis) Side(NormalizedEvent normalized, EventRecord record, AttemptStage stage) =>
        (normalized.Code is long code ? WindowsErrors.Side(code) : ErrorSide.Unknown) switch
        {
            ErrorSide.Server => (AttemptSide.Server, SideBasis.ServerRejected),
            ErrorSide.Client => (AttemptSide.Client, SideBasis.WindowsErrorBlamesClient),
            _ when stage == AttemptStage.IkeReachability && ByClient(record) == true => (AttemptSide.Unknown, SideBasis.ClientViewOnly),
            _ => (AttemptSide.Unknown, SideBasis.None),
        };

    /// <summary>
    /// An attempt only RAS events show: nothing shows which VPN protocol it used (SSTP and PPTP have no
    /// IKE, IKEv2 no PPP), so no stage before the failing one is taken as passed.
    /// </summary>
    public static bool OnlyRas(ConnectionAttempt attempt) =>
        attempt.Records.Count > 0 && attempt.Views.TrueForAll(v => v.Sa is null) && attempt.L2tpTunnels.Count == 0 && attempt.Records.TrueForAll(IsRas);
}
