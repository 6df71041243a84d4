using System.CommandLine;
using Analyzer.Protocols.Ike.Decryption;

namespace Analyzer.Cli.Commands;

/// <summary>
/// <c>vpndiag keys CHARON.LOG...</c>: extracts the IKEv1 decryption table (Wireshark's
/// ikev1_decryption_table format, also what <c>--ike-keys</c> reads) from strongSwan charon logs
/// written at "ike 4" or higher.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var logs = new Argument<FileInfo[]>("logs") { Description = "charon log files (filelog or syslog) written with 'ike 4' or higher", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "write the table to this file instead of standard output" };
        var command = new Command("keys", "Extract an IKEv1 decryption table (initiator cookie, encryption key) from strongSwan charon logs (charon must log at 'ike 4').\n\nExamples:\n  vpndiag keys charon.log -o ike-keys.txt\n  vpndiag analyze capture.pcap --ike-keys ike-keys.txt");
        command.Arguments.Add(logs);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var table = new IkeKeyTable();
            foreach (FileInfo log in parseResult.GetValue(logs) ?? [])
            {
                try
                {
                    using StreamReader reader = log.OpenText();
                    foreach ((ulong cookie, byte[] key) in CharonKeyLogReader.Read(reader).Keys)
                    {
                        table.Add(cookie, key);
                    }
                }
                catch (IOException exception)
                {
                    parseResult.InvocationConfiguration.Error.WriteLine($"vpndiag: error: {log.FullName}: {exception.Message}");
                    return 2;
                }
                catch (UnauthorizedAccessException exception)
                {
                    parseResult.InvocationConfiguration.Error.WriteLine($"vpndiag: error: {log.FullName}: {exception.Message}");
                    return 2;
                }
            }

            if (table.Count == 0)
            {
                parseResult.InvocationConfiguration.Error.WriteLine("vpndiag: error: no \"encryption key Ka\" found; charon must log at 'ike 4' or higher");
                return 2;
            }

            string text = table.ToWiresharkFormat();
            if (parseResult.GetValue(output) is FileInfo file)
            {
                File.WriteAllText(file.FullName, text);
            }
            else
            {
                parseResult.InvocationConfiguration.Output.Write(text);
            }

            return 0;
        });
        return command;
    }
}
