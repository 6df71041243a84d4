namespace Analyzer.Testing;

/// <summary>
/// The lab captures that carry key tables beside them (samples/captures/SCENARIO/esp_sa,
/// ikev2_decryption_table), and the tshark options that load those tables: what every decryption
/// oracle test needs, in one place.
/// </summary>
public static class LabKeyTables
{
    private static string Root => Path.Combine(RepoPaths.Samples, "captures");

    /// <summary>
    /// Every capture (relative to samples/captures) of a scenario holding <paramref name="table"/> and
    /// passing <paramref name="where"/> (given the scenario directory); one row naming
    /// <paramref name="none"/> when there is none, so that the theory skips with a reason instead of vanishing.
    /// </summary>
    public static TheoryData<string> Captures(string table, string none, Func<string, bool>? where = null)
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(Root))
        {
            foreach (string directory in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(directory, table)) && (where is null || where(directory)))
                {
                    foreach (string capture in Directory.GetFiles(directory, "*.pcap").Order(StringComparer.Ordinal))
                    {
                        data.Add(Path.GetRelativePath(Root, capture));
                    }
                }
            }
        }

        if (data.Count == 0)
        {
            data.Add(none);
        }

        return data;
    }

    /// <summary>The capture's full path; skips the test with <paramref name="none"/> when the row is the placeholder.</summary>
    public static string PathOf(string capture, string none)
    {
        string path = Path.Combine(Root, capture);
        Assert.SkipUnless(File.Exists(path), none);
        return path;
    }

    /// <summary>
    /// tshark's "-o uat:esp_sa:…" options for the esp_sa beside the capture, addresses as wildcards:
    /// behind a NAT the table (the client's view) names other addresses than the server's capture
    /// shows; vpndiag then matches on the SPI, and so does tshark here.
    /// </summary>
    public static IEnumerable<string> EspSaOptions(string capturePath)
    {
        foreach (string line in Records(capturePath, "esp_sa"))
        {
            string[] fields = line.Split(',');
            fields[1] = fields[2] = "\"*\"";
            yield return "-o";
            yield return "uat:esp_sa:" + string.Join(',', fields);
        }
    }

    /// <summary>tshark's "-o uat:ikev2_decryption_table:…" options for the table beside the capture.</summary>
    public static IEnumerable<string> Ikev2Options(string capturePath)
    {
        foreach (string line in Records(capturePath, "ikev2_decryption_table"))
        {
            yield return "-o";
            yield return "uat:ikev2_decryption_table:" + line;
        }
    }

    private static IEnumerable<string> Records(string capturePath, string table) =>
        File.ReadAllLines(Path.Combine(Path.GetDirectoryName(capturePath)!, table)).Where(l => l.Trim().Length > 0 && !l.StartsWith('#'));
}
