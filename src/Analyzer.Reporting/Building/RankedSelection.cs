namespace Analyzer.Reporting.Building;

/// <summary>
/// What a section lists when it has more items than the report holds: by rank (0 first), and within
/// a rank in the order given, up to the bound.
/// </summary>
internal static class RankedSelection
{
    public static HashSet<T> Take<T>(IEnumerable<T> items, int ranks, Func<T, int> rank, int max)
        where T : class
    {
        var byRank = new List<T>[ranks];
        for (int i = 0; i < ranks; i++)
        {
            byRank[i] = [];
        }

        foreach (T item in items)
        {
            byRank[rank(item)].Add(item);
        }

        var selected = new HashSet<T>(ReferenceEqualityComparer.Instance);
        foreach (List<T> group in byRank)
        {
            foreach (T item in group)
            {
                if (selected.Count >= max)
                {
                    return selected;
                }

                selected.Add(item);
            }
        }

        return selected;
    }
}
