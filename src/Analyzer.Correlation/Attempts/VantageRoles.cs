using Analyzer.Correlation.Paths;

namespace Analyzer.Correlation.Attempts;

/// <summary>Each capture's place for each IKE SA, as <see cref="PathComparer"/> decided it (read, not recomputed).</summary>
internal sealed class VantageRoles
{
    public const string Client = "client";
    public const string Server = "server";
    public const string Between = "between";

    /// <summary>A lone capture no comparison placed.</summary>
    public const string Capture = "capture";

    public const string Log = "log";

    private readonly Dictionary<(int Input, ulong Cookie), string> _bySa = [];
    private readonly Dictionary<int, string> _byInput = [];

    public static VantageRoles From(IReadOnlyList<PathComparison> paths)
    {
        var roles = new VantageRoles();
        foreach (PathComparison path in paths)
        {
            foreach (VantagePoint point in path.Captures)
            {
                roles._byInput.TryAdd(point.InputIndex, point.Role);
                foreach (ulong cookie in path.IkeCookies)
                {
                    roles._bySa.TryAdd((point.InputIndex, cookie), point.Role);
                }
            }
        }

        return roles;
    }

    public string RoleOf(int input, ulong cookie) =>
        _bySa.GetValueOrDefault((input, cookie)) ?? _byInput.GetValueOrDefault(input) ?? Capture;
}
