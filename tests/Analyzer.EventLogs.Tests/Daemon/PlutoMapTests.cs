using Analyzer.Core;
using Analyzer.EventLogs.Daemon;
using Analyzer.EventLogs.Normalization;

namespace Analyzer.EventLogs.Tests.Daemon;

/// <summary>
/// Each entry of Maps/pluto.yaml on a real pluto line, with the stage it speaks about. Sources:
/// "lab" = samples/captures/libreswan-* (Debian's Libreswan 4.10, written by this repository's lab);
/// "oci" = Oracle's Site-to-Site VPN troubleshooting page, which quotes its Libreswan headends'
/// lines (docs.oracle.com/en-us/iaas/Content/Network/Troubleshoot/ipsectroubleshoot.htm);
/// "forum" = a user's Libreswan 3.x syslog quoted in a public GitHub issue; "src x.y" = the format
/// string of Libreswan x.y programs/pluto (or Openswan 2.6) filled with lab values, where no
/// published line was found (named at each).
/// </summary>
public sealed class PlutoMapTests
{
    private static EventRecord One(string line)
    {
        var result = new EventLogReadResult();
        DaemonLogReader.Read(new StringReader(line), new AnalysisInput(0, "pluto.log", "pluto.log", InputKind.DaemonLog), AnalysisLimits.Default,
            new LogTimeHints { Year = 2026 }, null, result, TestContext.Current.CancellationToken);
        EventNormalizer.NormalizeAll(result.Records);
        return Assert.Single(result.Records);
    }

    [Theory]
    // IKEv1 refused by policy
    [InlineData("packet from 198.51.100.20:500: ignoring IKEv1 packet as policy is set to silently drop all IKEv1 packets", "pluto-ikev1-refused", "ike-reachability", "failed")] // lab
    [InlineData("\"l2tp-psk\": failed to add IKEv1 connection: global ikev1-policy does not allow IKEv1 connections", "pluto-ikev1-refused", "ike-reachability", "failed")] // lab
    [InlineData("packet from 198.51.100.20:500: ignoring IKEv1 packet as global policy is set to silently drop all IKEv1 packets", "pluto-ikev1-refused", "ike-reachability", "failed")] // src 5.0 demux.c
    [InlineData("packet from 198.51.100.20:500: rejecting IKEv1 packet as global policy is set to reject all IKEv1 packets", "pluto-ikev1-refused", "ike-reachability", "failed")] // src 5.0 demux.c
    // kernel SA installation
    [InlineData("ERROR: \"l2tp-psk\"[1] 198.51.100.20 #2: netlink response for Add SA esp.cfc91e79@198.51.100.20: Protocol not supported (errno 93)", "pluto-kernel-sa-failed", "phase2", "failed")] // lab
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #2: ERROR: netlink response for Add SA esp.cfc91e79@198.51.100.20 included errno 93: Protocol not supported", "pluto-kernel-sa-failed", "phase2", "failed")] // src 3.x kernel_netlink.c
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #2: setup_half_ipsec_sa() hit fail:", "pluto-kernel-sa-failed", "phase2", "failed")] // lab
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #2: state transition function for STATE_QUICK_R0 had internal error", "pluto-internal-error", null, "failed")] // lab
    // proposals: a refused transform is progress, "no acceptable" decides
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #1: Oakley Transform [AES_CBC (128), HMAC_SHA1, MODP2048] refused", "pluto-transform-refused", "phase1-proposal", "noise")] // lab
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #1: OAKLEY proposal refused: missing encryption", "pluto-transform-refused", "phase1-proposal", "noise")] // oci
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #1: no acceptable Oakley Transform", "pluto-no-proposal", "phase1-proposal", "failed")] // lab
    [InlineData("packet from 198.51.100.20:500: sending notification NO_PROPOSAL_CHOSEN to 198.51.100.20:500", "pluto-no-proposal", null, "failed")] // lab
    [InlineData("\"ikev2-psk\"[1] 198.51.100.20 #1: no local proposal matches remote proposals 1:IKE:ENCR=AES_CBC_128;INTEG=HMAC_SHA1_96;PRF=HMAC_SHA1;DH=MODP2048", "pluto-no-proposal", "phase1-proposal", "failed")] // src 4.x ikev2_proposals.c
    [InlineData("\"l2tp-psk\" #1: received unauthenticated v2N_NO_PROPOSAL_CHOSEN - ignored", "pluto-no-proposal", null, "failed")] // oci
    [InlineData("\"l2tp-psk\" #3: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000, length=12", "pluto-no-proposal", null, "failed")] // oci
    [InlineData("\"peer-tunnel-1\" #61: max number of retransmissions (2) reached STATE_QUICK_I1.  No acceptable response to our first Quick Mode message: perhaps peer likes no proposal", "pluto-no-proposal", "phase2", "failed")] // src 3.x timer.c (quoted in a public lab write-up)
    // pre-shared key mismatch and authentication
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #1: probable authentication failure (mismatch of preshared secrets?): malformed payload in packet", "pluto-auth-failed", "phase1-auth", "failed")] // lab
    [InlineData("Aug 10 19:12:20 OptiPlex-GX270 pluto[23897]: \"L2TP-PSK-noNAT\"[1] 192.168.1.103 #3: probable authentication failure (mismatch of preshared secrets?): malformed payload in packet", "pluto-auth-failed", "phase1-auth", "failed")] // forum
    [InlineData("\"l2tp-client\" #1: STATE_MAIN_I3: 60 second timeout exceeded after 7 retransmits.  Possible authentication failure: no acceptable response to our first encrypted message", "pluto-auth-failed", "phase1-auth", "failed")] // oci
    [InlineData("\"l2tp-client\" #1: max number of retransmissions (8) reached STATE_MAIN_I3.  Possible authentication failure: no acceptable response to our first encrypted message", "pluto-auth-failed", "phase1-auth", "failed")] // src 3.x timer.c
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #1: 9892-byte length of ISAKMP Identification Payload is larger than can fit", "pluto-malformed-payload", "phase1-auth", "failed")] // lab
    [InlineData("\"l2tp-client\" #1: 30677-byte length of ISAKMP Hash Payload is larger than can fit", "pluto-malformed-payload", "phase1-auth", "failed")] // lab
    [InlineData("\"l2tp-client\" #1: malformed payload in packet", "pluto-malformed-payload", "phase1-auth", "failed")] // lab
    [InlineData("\"L2TP-PSK-noNAT\"[1] 192.168.1.103 #3: next payload type of ISAKMP Identification Payload has an unknown value: 111", "pluto-malformed-payload", "phase1-auth", "failed")] // forum
    [InlineData("\"site\" #2: IKE SA authentication request rejected by peer: AUTHENTICATION_FAILED", "pluto-auth-failed", "phase1-auth", "failed")] // oci
    [InlineData("\"site\" #2: authentication failed: computed hash does not match hash received from peer ID_IPV4_ADDR '198.51.100.20'", "pluto-auth-failed", "phase1-auth", "failed")] // oci
    [InlineData("\"site\" #2: responding to IKE_AUTH message (ID 1) from 198.51.100.20:4500 with encrypted notification AUTHENTICATION_FAILED", "pluto-auth-failed", "phase1-auth", "failed")] // oci
    [InlineData("\"site\" #1: Peer ID '198.51.100.99' mismatched on first found connection and no better connection found", "pluto-id-mismatch", "phase1-auth", "failed")] // oci
    [InlineData("\"l2tp-cert\"[1] 198.51.100.20 #1: ERROR: Peer's Certificate has expired.", "pluto-certificate-failed", "phase1-auth", "failed")] // src 3.x x509.c (NSS error text)
    // established, progress
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #1: IKE SA established {auth=PRESHARED_KEY cipher=AES_CBC_256 integ=HMAC_SHA2_256 group=MODP2048}", "pluto-ike-established", "phase1-auth", "succeeded")] // lab
    [InlineData("\"l2tp-psk\"[1] 203.0.113.7 #1: STATE_MAIN_R3: sent MR3, ISAKMP SA established {auth=PRESHARED_KEY cipher=aes_256 integ=sha group=MODP2048}", "pluto-ike-established", "phase1-auth", "succeeded")] // src 3.x ikev1.c
    [InlineData("\"l2tp-psk\"[1] 203.0.113.7 #2: STATE_QUICK_R2: IPsec SA established transport mode {ESP/NAT=>0x5f6a5d2e <0x8d7dc0ba xfrm=AES_128-HMAC_SHA1 NATOA=none NATD=203.0.113.7:4500 DPD=passive}", "pluto-ipsec-established", "phase2", "succeeded")] // src 3.x ikev1_quick.c
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #1: sent Main Mode R1", "pluto-phase1-proposal-accepted", "phase1-proposal", "succeeded")] // lab
    [InlineData("\"l2tp-client\" #1: initiating IKEv1 Main Mode connection", "pluto-ike-initiating", "ike-reachability", "started")] // lab
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #1: responding to Main Mode from unknown peer 198.51.100.20:500", "pluto-ike-peer-initiating", "ike-reachability", "succeeded")] // lab
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #1: Peer ID is ID_IPV4_ADDR: '198.51.100.20'", "pluto-ike-message-sent", "phase1-auth", "info")] // lab
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #2: responding to Quick Mode proposal {msgid:118b435e}", "pluto-quick-mode", "phase2", "started")] // lab
    // traffic selectors
    [InlineData("\"peer-tunnel-1\" #55: cannot respond to IPsec SA request because no connection is known for 192.168.10.0/24===172.31.2.3[172.31.2.3]...172.31.2.5[172.31.2.5]", "pluto-ts-unacceptable", "phase2", "failed")] // public write-up quoting Libreswan
    [InlineData("\"site\" #3: responding to CREATE_CHILD_SA message (ID 30) from 198.51.100.20:4500 with encrypted notification TS_UNACCEPTABLE", "pluto-ts-unacceptable", "phase2", "failed")] // oci
    // retransmissions and giving up
    [InlineData("\"l2tp-client\" #1: STATE_MAIN_I3: retransmission; will wait 0.5 seconds for response", "pluto-retransmit", null, "retried")] // lab
    [InlineData("\"site\" #1: STATE_V2_PARENT_I1: 60 second timeout exceeded after 7 retransmits.  No response (or no acceptable response) to our first IKEv2 message", "pluto-give-up", "ike-reachability", "failed")] // oci
    [InlineData("\"l2tp-client\" #1: max number of retransmissions (8) reached STATE_MAIN_I1.  No response (or no acceptable response) to our first IKEv1 message", "pluto-give-up", "ike-reachability", "failed")] // src 3.x timer.c
    // NAT, DPD, deletes
    [InlineData("\"l2tp-psk\"[1] 203.0.113.7 #1: NAT-Traversal: Result using RFC 3947 (NAT-Traversal): peer is NATed", "pluto-nat-detected", "ike-reachability", "info")] // src 3.0-3.8 nat_traversal.c
    [InlineData("\"L2TP-PSK\" #1: NAT-Traversal: Result using draft-ietf-ipsec-nat-t-ike (MacOS X): no NAT detected", "pluto-nat-none", null, "info")] // public report (Openswan)
    [InlineData("\"l2tp-psk\"[1] 203.0.113.7 #1: DPD action - clearing connection kind instance", "pluto-dpd-timeout", null, "failed")] // src 4.10 ikev1_dpd.c
    [InlineData("\"l2tp-client\" #1: MAIN_I3: retransmission; will wait 500ms for response", "pluto-retransmit", null, "retried")] // src 5.4 retransmit.c (jam_deltatime_human)
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #3: deleting ISAKMP SA (MAIN_R3) aged 10.014s and sending notification", "pluto-deleting", null, "info")] // src 5.4 state.c
    [InlineData("\"l2tp-psk\"[1] 203.0.113.7 #1: DPD: No response from peer - declaring peer dead", "pluto-dpd-timeout", null, "failed")] // src 3.x dpd.c
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #3: received Delete SA payload: self-deleting ISAKMP State #3", "pluto-delete-received", null, "info")] // lab
    [InlineData("\"l2tp-psk\"[1] 198.51.100.20 #3: deleting state (STATE_MAIN_R3) aged 10.014434s and sending notification", "pluto-deleting", null, "info")] // lab
    // daemon life and snapshots
    [InlineData("\"l2tp-psk\": added IKEv1 connection", "pluto-connection-added", null, "info")] // lab
    [InlineData("Dec  7 05:23:21.933656:   AES_CCM_16         {256,192,*128} IKEv1:     ESP     IKEv2:     ESP     FIPS              aes_ccm, aes_ccm_c", "pluto-startup", null, "info")] // lab
    [InlineData("adding UDP interface eth0 203.0.113.10:500", "pluto-startup", null, "info")] // lab
    [InlineData("000 #1: \"l2tp-client\":4500 STATE_MAIN_I3 (sent Main Mode I3); RETRANSMIT in 1s; lastdpd=-1s(seq in:0 out:0); idle;", "pluto-status-state", null, "info")] // lab (ipsec status)
    public void Pluto_line_gets_its_kind_stage_and_outcome(string line, string kind, string? stage, string outcome)
    {
        EventRecord record = One(line);
        Assert.Equal("pluto", record.Provider);
        NormalizedEvent normalized = Assert.IsType<NormalizedEvent>(record.Normalized);
        Assert.Equal(kind, normalized.Kind);
        Assert.Equal(stage, normalized.Stage);
        Assert.Equal(outcome, normalized.Outcome);
    }

    [Fact]
    public void Kernel_refusal_gives_the_errno_and_the_esp_spi()
    {
        NormalizedEvent normalized = One("ERROR: \"l2tp-psk\"[1] 198.51.100.20 #2: netlink response for Add SA esp.cfc91e79@198.51.100.20: Protocol not supported (errno 93)").Normalized!;
        Assert.Equal("93", normalized.Fields["errno"]);
        Assert.Equal("Protocol not supported", normalized.Fields["detail"]);
        Assert.Equal("esp.cfc91e79", normalized.Fields["sa"]);
        Assert.Equal("198.51.100.20", normalized.RemoteAddress.ToString());
    }

    [Fact]
    public void Ipsec_sa_established_gives_both_esp_spis()
    {
        NormalizedEvent normalized = One("\"l2tp-psk\"[1] 203.0.113.7 #2: STATE_QUICK_R2: IPsec SA established transport mode {ESP/NAT=>0x5f6a5d2e <0x8d7dc0ba xfrm=AES_128-HMAC_SHA1 NATOA=none NATD=203.0.113.7:4500 DPD=passive}").Normalized!;
        Assert.Equal("5f6a5d2e", normalized.Fields["outboundSpi"]);
        Assert.Equal("8d7dc0ba", normalized.Fields["inboundSpi"]);
        Assert.Equal("transport", normalized.Fields["mode"]);
    }

    [Theory]
    [InlineData("\"l2tp-client\" #1: NAT-Traversal: Result using RFC 3947 (NAT-Traversal): i am NATed", "local")] // src 3.0-3.8, Openswan 2.x
    [InlineData("\"l2tp-psk\"[1] 203.0.113.7 #1: NAT-Traversal: Result using RFC 3947 (NAT-Traversal): peer is NATed", "remote")] // src 3.0-3.8
    [InlineData("\"TA_VPN\" #1: NAT-Traversal: Result using RFC 3947 (NAT-Traversal): both are NATed", "both")] // public report
    [InlineData("\"l2tp-client\" #1: NAT-Traversal: Result using RFC 3947 (NAT-Traversal) sender port 500: I am behind NAT", "local")] // src 3.9-3.16 (natt_bit_names)
    [InlineData("\"l2tp-psk\"[1] 203.0.113.7 #1: NAT-Traversal: Result using RFC 3947 (NAT-Traversal) sender port 4500: peer behind NAT", "remote")] // src 3.9-3.16
    [InlineData("\"l2tp-psk\"[1] 203.0.113.7 #1: NAT-Traversal: Result using RFC 3947 (NAT-Traversal) sender port 4500: I am behind NAT+peer behind NAT", "both")] // src 3.9-3.16
    [InlineData("| NAT_TRAVERSAL this end is behind NAT", "local")] // src 3.17-5.4 with plutodebug
    [InlineData("| NAT_TRAVERSAL that end is behind NAT 203.0.113.7:4500", "remote")] // src 3.17-5.4 with plutodebug
    public void Pluto_nat_detection_names_the_side_in_charons_words(string line, string side)
    {
        NormalizedEvent normalized = One(line).Normalized!;
        Assert.Equal("pluto-nat-detected", normalized.Kind);
        Assert.Equal("ike-reachability", normalized.Stage);
        Assert.Equal(side, normalized.Fields["natSide"]);
    }

    [Fact]
    public void An_ikev2_initiator_names_its_peer_in_the_ike_sa_init_request_line()
    {
        // Wording of a public Libreswan 4.x client log ("sent IKE_SA_INIT request to 35.81.211.175:500"), address changed.
        NormalizedEvent normalized = One("\"Tunnel1\" #1: sent IKE_SA_INIT request to 192.0.2.1:500").Normalized!;
        Assert.Equal("pluto-ike-initiating", normalized.Kind);
        Assert.Equal("192.0.2.1", normalized.RemoteAddress?.ToString());
        Assert.Equal((ushort)500, normalized.RemotePort);
    }

    [Fact]
    public void An_ikev1_initiator_line_names_no_peer()
    {
        NormalizedEvent normalized = One("\"l2tp-client\" #1: initiating IKEv1 Main Mode connection").Normalized!;
        Assert.Null(normalized.RemoteAddress);
    }

    [Fact]
    public void Unknown_pluto_wording_is_kept_without_a_kind()
    {
        EventRecord record = One("\"l2tp-psk\"[1] 198.51.100.20 #1: some wording no Libreswan release ever logged");
        Assert.Equal("pluto", record.Provider);
        Assert.Null(record.Normalized);
        Assert.Equal("l2tp-psk", record.GetData("connection"));
    }
}
