namespace Analyzer.Sessions.Ike;

/// <summary>
/// Bytes of IKEv1 fragments (RFC-less Microsoft/Cisco IKE fragmentation) held for reassembly across
/// all SAs of one capture, bounded by <see cref="Analyzer.Core.AnalysisLimits.MaxReassemblyBytes"/>.
/// A refused fragment leaves its message incomplete; the first refusal is kept for one warning.
/// </summary>
internal sealed class IkeFragmentBudget(long maxBytes)
{
    public long Held { get; private set; }

    /// <summary>The frame whose fragment was the first one refused, or null.</summary>
    public Analyzer.Core.FrameRef? FirstRefusal { get; private set; }

    public bool TryReserve(int bytes, Analyzer.Core.FrameRef frame)
    {
        if (Held + bytes > maxBytes)
        {
            FirstRefusal ??= frame;
            return false;
        }

        Held += bytes;
        return true;
    }
}
