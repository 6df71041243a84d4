using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// One input's view of an attempt: a capture (with the IKE SA as that capture reconstructed it) or a
/// log. <see cref="Role"/> is the vantage point: "client", "server", "between" (placed by path
/// comparison), "capture" when a lone capture could not be placed, or "log".
/// </summary>
public sealed record AttemptView(int InputIndex, string Role, IkeSa? Sa);
