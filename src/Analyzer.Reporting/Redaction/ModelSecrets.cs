using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.EventLogs;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Pptp;

namespace Analyzer.Reporting.Redaction;

/// <summary>
/// Teaches the pseudonymiser every name the model knows the meaning of, before any report text is
/// made: IKE identities by type, certificate subjects and issuers and requested CAs, L2TP and PPTP
/// host names and host-name AVPs, PPP user names, event computer names, event data and daemon
/// fields named like a user, host, principal or subject. Free text built earlier than a name's own
/// field (a finding's summary, a log line) is then scrubbed of it too. Addresses need no learning:
/// they are typed wherever the model has them and recognised by shape in text.
/// </summary>
internal static class ModelSecrets
{
    public static void Learn(Case @case, Pseudonymiser pseudonyms)
    {
        foreach (AnalysisInput input in @case.Inputs)
        {
            // The folders a bundle was read from name the customer, the ticket or the engineer
            // ("/home/ann/tickets/acme-vpn01/"), and the file's own name often a user, host or address:
            // an input is shown as "input-N.ext" (its number in the Inputs table, its extension), its folder as "folder-N"
            // wherever free text still spells it.
            pseudonyms.LearnFile("input", input.Path, input.DisplayName, input.Index + 1);
            pseudonyms.Learn(SecretKind.Folder, Path.GetDirectoryName(input.Path));
            pseudonyms.Learn(SecretKind.Folder, Path.GetDirectoryName(input.DisplayName));
        }

        foreach (InputDiagnostic diagnostic in @case.Diagnostics)
        {
            // A file skipped while collecting the bundle is named only by its diagnostic.
            if (!string.IsNullOrEmpty(diagnostic.Input))
            {
                pseudonyms.LearnFile("file", null, diagnostic.Input);
                pseudonyms.Learn(SecretKind.Folder, Path.GetDirectoryName(diagnostic.Input));
            }
        }

        foreach (CaptureModel capture in @case.Captures)
        {
            foreach (IkeSa sa in capture.IkeSas)
            {
                LearnIke(sa, pseudonyms);
                if (sa.DecryptionKeyOrigin is string keyFile)
                {
                    pseudonyms.LearnFile("file", keyFile, keyFile);
                    pseudonyms.Learn(SecretKind.Folder, Path.GetDirectoryName(keyFile));
                }
            }

            foreach (L2tpTunnel tunnel in capture.L2tpTunnels)
            {
                pseudonyms.Learn(SecretKind.Host, tunnel.ClientHostName);
                pseudonyms.Learn(SecretKind.Host, tunnel.ServerHostName);
                foreach (L2tpControlMessage message in tunnel.ControlMessages)
                {
                    foreach (L2tpAvpValue avp in message.Avps)
                    {
                        LearnField(avp.Name, avp.Value, pseudonyms);
                    }
                }

                foreach (L2tpSession session in tunnel.Sessions)
                {
                    pseudonyms.Learn(SecretKind.User, session.Ppp?.UserName);
                    pseudonyms.Learn(SecretKind.Host, session.Ppp?.AuthenticatorName);
                }
            }

            foreach (PptpConnection connection in capture.PptpConnections)
            {
                pseudonyms.Learn(SecretKind.Host, connection.ClientHostName);
                pseudonyms.Learn(SecretKind.Host, connection.ServerHostName);
                pseudonyms.Learn(SecretKind.User, connection.Ppp?.UserName);
                pseudonyms.Learn(SecretKind.Host, connection.Ppp?.AuthenticatorName);
            }
        }

        foreach (EventRecord record in @case.Events)
        {
            pseudonyms.Learn(SecretKind.Host, record.Computer);
            if (!record.DataIsPositional)
            {
                foreach (KeyValuePair<string, string> pair in record.Data)
                {
                    LearnField(pair.Key, pair.Value, pseudonyms);
                }
            }

            if (record.Normalized is NormalizedEvent normalized)
            {
                pseudonyms.Learn(SecretKind.User, normalized.UserName);
                foreach (KeyValuePair<string, string> pair in normalized.Fields)
                {
                    LearnField(pair.Key, pair.Value, pseudonyms);
                }
            }
        }
    }

    private static void LearnIke(IkeSa sa, Pseudonymiser pseudonyms)
    {
        foreach (IkeIdentity identity in sa.Identities)
        {
            if (FieldKinds.OfIdentity(identity.Kind, identity.Value) is SecretKind kind)
            {
                pseudonyms.Learn(kind, identity.Value);
            }
        }

        foreach (IkeCertificate certificate in sa.Certificates)
        {
            pseudonyms.Learn(SecretKind.Subject, certificate.Subject);
            pseudonyms.Learn(SecretKind.Subject, certificate.Issuer);
        }

        foreach (IkeCertificateRequest request in sa.CertificateRequests)
        {
            pseudonyms.Learn(SecretKind.Subject, request.CertificateAuthority);
        }
    }

    private static void LearnField(string name, string value, Pseudonymiser pseudonyms)
    {
        if (FieldKinds.Of(name, value) is SecretKind kind)
        {
            pseudonyms.Learn(kind, value);
        }
    }
}
