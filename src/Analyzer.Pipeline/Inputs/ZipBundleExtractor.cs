using System.Globalization;
using System.IO.Compression;
using Analyzer.Core;

namespace Analyzer.Pipeline.Inputs;

/// <summary>
/// Unpacks a ticket's zip into a private temporary directory, safely: entry names never become
/// paths (no zip-slip), entry count and expanded bytes are bounded by counting what is really
/// written (zip bombs lie in their headers), and archives inside the archive are refused.
/// </summary>
public static class ZipBundleExtractor
{
    public static (List<(string File, string DisplayName)> Files, List<InputDiagnostic> Diagnostics, string Directory) Extract(string zipPath, AnalysisLimits limits)
    {
        var files = new List<(string, string)>();
        var diagnostics = new List<InputDiagnostic>();
        string target = Path.Combine(Path.GetTempPath(), "vpndiag-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(target);
        long expanded = 0;
        ZipArchive? archive = null;
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
            entries = archive.Entries;   // reads the central directory: its damage is the whole archive's
        }
        catch (InvalidDataException exception)
        {
            archive?.Dispose();
            System.IO.Directory.Delete(target, recursive: true);
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{zipPath}: offset 0x{ZipDirectoryLocation.Find(zipPath):X}: not a readable zip archive ({exception.Message})"));
        }

        using (archive)
        {
            // Entries are numbered from 1 in central-directory order: the number is the record a message cites.
            int index = 0;
            foreach (ZipArchiveEntry entry in entries)
            {
                string display = zipPath + "!" + entry.FullName;
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
                {
                    continue;
                }

                if (++index > limits.MaxZipEntries)
                {
                    diagnostics.Add(new InputDiagnostic(zipPath, null, index,
                        string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxZipEntries} entries; the rest were not read")));
                    break;
                }

                string leaf = SafeLeafName(entry.FullName);
                if (leaf.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Add(new InputDiagnostic(display, null, index, "nested archive refused; unpack it and add its files to the bundle"));
                    continue;
                }

                string destination = Path.Combine(target, string.Create(CultureInfo.InvariantCulture, $"{index:D5}-{leaf}"));
                long budget = limits.MaxZipExpandedBytes - expanded;
                long written;
                try
                {
                    written = CopyBounded(entry, destination, budget);
                }
                catch (InvalidDataException exception)
                {
                    // One damaged entry (bad method, bad deflate data, CRC) does not spoil its neighbours.
                    File.Delete(destination);
                    diagnostics.Add(new InputDiagnostic(display, null, index, "entry is damaged and was skipped: " + exception.Message));
                    continue;
                }

                if (written < 0)
                {
                    File.Delete(destination);
                    diagnostics.Add(new InputDiagnostic(display, null, index,
                        string.Create(CultureInfo.InvariantCulture, $"expands beyond the {limits.MaxZipExpandedBytes} byte limit for a bundle; the rest were not read")));
                    break;
                }

                expanded += written;
                if (InputSniffer.IsZip(destination))
                {
                    File.Delete(destination);
                    diagnostics.Add(new InputDiagnostic(display, null, index, "nested archive refused; unpack it and add its files to the bundle"));
                    continue;
                }

                files.Add((destination, display));
            }
        }

        return (files, diagnostics, target);
    }

    /// <summary>The entry's last name part with anything path-like removed: it is only a label.</summary>
    private static string SafeLeafName(string entryName)
    {
        string leaf = entryName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "entry";
        char[] cleaned = leaf.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        string safe = new string(cleaned).TrimStart('.');
        return safe.Length == 0 ? "entry" : safe[..Math.Min(safe.Length, 100)];
    }

    /// <summary>Copies at most <paramref name="budget"/> bytes; returns -1 when the entry is larger.</summary>
    private static long CopyBounded(ZipArchiveEntry entry, string destination, long budget)
    {
        using Stream source = entry.Open();
        using FileStream output = File.Create(destination);
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > budget)
            {
                return -1;
            }

            output.Write(buffer, 0, read);
        }

        return total;
    }
}
