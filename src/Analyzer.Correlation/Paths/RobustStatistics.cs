namespace Analyzer.Correlation.Paths;

/// <summary>Medians and quantiles that ignore the few wild values a mismatched pair or a stalled queue produces.</summary>
internal static class RobustStatistics
{
    /// <summary>Median absolute deviations beyond which a value is an outlier.</summary>
    private const double OutlierDeviations = 5;

    /// <summary>Below this spread (seconds) deviations are clock resolution, not outliers.</summary>
    private const double SpreadFloor = 0.001;

    public static double Median(List<double> values) => Quantile(values, 0.5);

    /// <summary>Linear-interpolated quantile of a copy of <paramref name="values"/> (not empty).</summary>
    public static double Quantile(List<double> values, double q)
    {
        var sorted = new List<double>(values);
        sorted.Sort();
        double position = q * (sorted.Count - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>Median absolute deviation from the median.</summary>
    public static double Spread(List<double> values)
    {
        double median = Median(values);
        var deviations = new List<double>(values.Count);
        foreach (double value in values)
        {
            deviations.Add(Math.Abs(value - median));
        }

        return Median(deviations);
    }

    /// <summary>The values within <see cref="OutlierDeviations"/> spreads of the median.</summary>
    public static List<double> WithoutOutliers(List<double> values)
    {
        if (values.Count < 3)
        {
            return values;
        }

        double median = Median(values);
        double limit = OutlierDeviations * Math.Max(Spread(values), SpreadFloor);
        var kept = new List<double>(values.Count);
        foreach (double value in values)
        {
            if (Math.Abs(value - median) <= limit)
            {
                kept.Add(value);
            }
        }

        return kept;
    }
}
