using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// One input's view of an attempt: a capture (with the IKE SA as that capture reconstructed it) or a
/// log. <see cref="Role"/> is the vantage point: "client", "server", "between" (placed by path
/// comparison), "capture" when a lone capture could not be placed, or "log". <see cref="Match"/> says
/// how a log joined the attempt another log made (same SPIs, same daemon's lines, addresses, or time
/// and identity across a NAT), or why it could not; null otherwise.
/// </summary>
public sealed record AttemptView(int InputIndex, string Role, IkeSa? Sa, AttemptEvidence? Match = null);
