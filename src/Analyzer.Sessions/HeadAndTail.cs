namespace Analyzer.Sessions;

/// <summary>
/// Keeps a per-conversation list bounded by its first and its latest items: how a negotiation began
/// and how it ended are what a diagnosis reads, while the middle of a days-long SA (DPD, rekeys) or
/// of a flood of one cookie only grows memory with the file. Callers count what was dropped.
/// </summary>
internal static class HeadAndTail
{
    /// <summary>
    /// Appends <paramref name="item"/>; when the list already holds <paramref name="limit"/> items,
    /// first drops the oldest of its latest half. True when something was dropped.
    /// </summary>
    public static bool Append<T>(List<T> list, T item, int limit) => Append(list, item, limit, out _);

    /// <inheritdoc cref="Append{T}(List{T}, T, int)"/>
    /// <param name="dropped">The item dropped, if any.</param>
    public static bool Append<T>(List<T> list, T item, int limit, out T? dropped)
    {
        dropped = default;
        bool full = limit > 0 && list.Count >= limit;
        if (full)
        {
            int middle = limit / 2;
            dropped = list[middle];
            list.RemoveAt(middle);
        }

        if (limit > 0)
        {
            list.Add(item);
        }

        return full || limit <= 0;
    }
}
