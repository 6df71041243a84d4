using System.CommandLine;
using System.Globalization;
using Analyzer.Protocols.Keys;

namespace Analyzer.Cli.Commands;

/// <summary>
/// <c>vpndiag keys INPUT... [--table NAME] [-o FILE] [--directory DIR]</c>: collects the keys of
/// charon logs (written at "ike 4, chd 4"), <c>ip xfrm state</c> output and any key table, and
/// writes them as Wireshark's tables: esp_sa, ikev2_decryption_table, ikev1_decryption_table (the
/// UAT files' own names, so the directory works as a Wireshark profile). These files hold secrets;
/// this is the only command that writes key bytes, and only where asked.
/// </summary>
internal static class KeysCommand
{
    private const string Ikev1Table = "ikev1_decryption_table";
    private const string Ikev2Table = "ikev2_decryption_table";
    private const string EspTable = "esp_sa";

    public static Command Create()
    {
        var inputs = new Argument<FileInfo[]>("inputs") { Description = "charon logs written with 'ike 4, chd 4' (or higher), 'ip xfrm state' output, or key tables to convert", Arity = ArgumentArity.OneOrMore };
        var table = new Option<string>("--table") { Description = "which table to write to -o or standard output: ikev1_decryption_table (default), ikev2_decryption_table or esp_sa", DefaultValueFactory = _ => Ikev1Table };
        table.AcceptOnlyFromAmong(Ikev1Table, Ikev2Table, EspTable);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "write the table to this file instead of standard output" };
        var directory = new Option<DirectoryInfo?>("--directory", "-d") { Description = "write every non-empty table into this directory under Wireshark's file names (usable as a Wireshark profile)" };
        var command = new Command("keys", """
            Extract decryption keys from strongSwan charon logs ('ike 4, chd 4'), 'ip xfrm state' output or key
            tables, as Wireshark's tables (esp_sa, ikev2_decryption_table, ikev1_decryption_table).

            Examples:
              vpndiag keys charon.log -o ike-keys.txt
              vpndiag keys charon.log --table esp_sa -o esp_sa
              vpndiag keys charon.log xfrm-state.txt --directory keys/
              vpndiag analyze capture.pcap --keys keys/esp_sa --keys keys/ikev2_decryption_table
            """);
        command.Arguments.Add(inputs);
        command.Options.Add(table);
        command.Options.Add(output);
        command.Options.Add(directory);
        command.SetAction(parseResult =>
        {
            TextWriter error = parseResult.InvocationConfiguration.Error;
            var store = new KeyStore();
            foreach (FileInfo file in parseResult.GetValue(inputs) ?? [])
            {
                try
                {
                    KeyFileFormat format = Sniff(file);
                    using StreamReader reader = file.OpenText();
                    KeyReadResult result = KeyFiles.Read(reader, format == KeyFileFormat.Unknown ? KeyFileFormat.CharonLog : format, file.Name, store);
                    foreach ((int line, string reason) in result.Problems.Take(20))
                    {
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vpndiag: warning: {file.FullName}: line {line}: {reason}"));
                    }
                }
                catch (IOException exception)
                {
                    error.WriteLine($"vpndiag: error: {file.FullName}: {exception.Message}");
                    return 2;
                }
                catch (UnauthorizedAccessException exception)
                {
                    error.WriteLine($"vpndiag: error: {file.FullName}: {exception.Message}");
                    return 2;
                }
            }

            if (store.IsEmpty)
            {
                error.WriteLine("vpndiag: error: no keys found; charon must log at 'ike 4, chd 4' (ip xfrm state must run as root)");
                return 2;
            }

            if (parseResult.GetValue(directory) is DirectoryInfo target)
            {
                Directory.CreateDirectory(target.FullName);
                foreach ((string name, string text) in Tables(store))
                {
                    if (text.Length > 0)
                    {
                        File.WriteAllText(Path.Combine(target.FullName, name), text);
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vpndiag: wrote {Path.Combine(target.FullName, name)} ({text.Count(c => c == '\n')} entries)"));
                    }
                }

                return 0;
            }

            string chosen = parseResult.GetValue(table) ?? Ikev1Table;
            string content = Tables(store).First(t => t.Name == chosen).Text;
            if (content.Length == 0)
            {
                error.WriteLine($"vpndiag: warning: the inputs hold no keys for {chosen}; --directory writes every table there is");
            }

            if (parseResult.GetValue(output) is FileInfo outputFile)
            {
                File.WriteAllText(outputFile.FullName, content);
            }
            else
            {
                parseResult.InvocationConfiguration.Output.Write(content);
            }

            return 0;
        });
        return command;
    }

    private static IEnumerable<(string Name, string Text)> Tables(KeyStore store) =>
    [
        (EspTable, EspSaTable.Write(store.EspSas)),
        (Ikev2Table, Ikev2DecryptionTable.Write(store.Ikev2Sas)),
        (Ikev1Table, store.Ikev1.ToWiresharkFormat()),
    ];

    private static KeyFileFormat Sniff(FileInfo file)
    {
        using FileStream stream = file.OpenRead();
        byte[] head = new byte[16384];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return KeyFiles.Sniff(head.AsSpan(0, read));
    }
}
