using Analyzer.Core;

namespace Analyzer.Pipeline.Inputs;

/// <summary>
/// Turns the command line's paths into ticket bundles: each directory or zip is one bundle; loose
/// files together are one bundle (so <c>analyze client.pcap server.pcap</c> equals a directory
/// holding both). Inside a bundle, files are taken in ordinal path order so results are stable.
/// </summary>
public static class BundleCollector
{
    public const string LooseFilesName = "command line";

    public static List<TicketBundle> Collect(IReadOnlyList<string> paths, AnalysisLimits limits)
    {
        var bundles = new List<TicketBundle>();
        var loose = new List<(string File, string Display)>();
        try
        {
            foreach (string path in paths)
            {
                if (Directory.Exists(path))
                {
                    bundles.Add(FromDirectory(path));
                }
                else if (File.Exists(path))
                {
                    if (InputSniffer.IsZip(path))
                    {
                        var (files, diagnostics, directory) = ZipBundleExtractor.Extract(path, limits);
                        bundles.Add(Build(path, files, diagnostics, directory, strict: false));
                    }
                    else
                    {
                        loose.Add((path, path));
                    }
                }
                else
                {
                    throw new InputException($"{path}: no such file or directory");
                }
            }

            if (loose.Count > 0)
            {
                bundles.Insert(0, Build(LooseFilesName, loose, [], null, strict: true));
            }
        }
        catch
        {
            foreach (TicketBundle bundle in bundles)
            {
                bundle.Dispose();
            }

            throw;
        }

        return bundles;
    }

    /// <summary>Every path as part of one bundle: directories contribute the supported files inside them.</summary>
    public static TicketBundle CollectOne(IReadOnlyList<string> paths, AnalysisLimits limits)
    {
        var files = new List<(string File, string Display)>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(DirectoryFiles(path));
            }
            else if (File.Exists(path))
            {
                files.Add((path, path));
            }
            else
            {
                throw new InputException($"{path}: no such file or directory");
            }
        }

        return Build(string.Join(", ", paths), files, [], null, strict: false);
    }

    private static IEnumerable<(string File, string Display)> DirectoryFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => (file, file));

    private static TicketBundle FromDirectory(string directory)
    {
        return Build(directory, DirectoryFiles(directory).ToList(), [], null, strict: false);
    }

    /// <summary>
    /// Sniffs each file. Named files (strict) must be supported; files found in a directory or zip
    /// that are not (READMEs, screenshots) are listed as skipped.
    /// </summary>
    private static TicketBundle Build(string name, List<(string File, string Display)> files, List<InputDiagnostic> diagnostics, string? temporaryDirectory, bool strict)
    {
        var inputs = new List<AnalysisInput>();
        foreach (var (file, display) in files)
        {
            InputKind kind;
            try
            {
                kind = InputSniffer.Sniff(file);
            }
            catch (IOException exception)
            {
                throw new InputException($"{display}: cannot be read ({exception.Message})");
            }
            catch (UnauthorizedAccessException)
            {
                throw new InputException($"{display}: permission denied");
            }

            if (kind == InputKind.Unknown && IsEmpty(file))
            {
                // An empty file (a capture never written to, an export that failed) is named as such, not as an unknown format.
                if (strict)
                {
                    throw new InputException($"{display}: offset 0x0: empty file (0 bytes): nothing to read");
                }

                diagnostics.Add(new InputDiagnostic(display, 0, null, "skipped: empty file (0 bytes)", DiagnosticSeverity.Info));
                continue;
            }

            if (kind == InputKind.Unknown)
            {
                if (strict)
                {
                    // The sniffer judges a file by its first bytes: offset 0 is where it found nothing it knows.
                    throw new InputException($"{display}: offset 0x0: unsupported input (not a pcap/pcapng capture, EVTX/EVT/XML/CSV event log, daemon log or IKE key table)");
                }

                diagnostics.Add(new InputDiagnostic(display, 0, null, "skipped: not a supported capture or log (no known format starts at offset 0)", DiagnosticSeverity.Info));
                continue;
            }

            inputs.Add(new AnalysisInput(inputs.Count, file, display, kind));
        }

        return new TicketBundle(name, inputs, diagnostics, temporaryDirectory);
    }

    private static bool IsEmpty(string file)
    {
        try
        {
            return new FileInfo(file).Length == 0;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
