using Analyzer.Diagnosis.Facts;
using Analyzer.Diagnosis.Tests.Support;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Tests.Facts;

/// <summary>
/// Facts come from registry values (method numbers, vendor-ID features, mode numbers), never from the
/// names the registries give them: a display name that says something else must not change a fact.
/// </summary>
public sealed class SaFactsFromTypedValuesTests
{
    [Fact]
    public void Windows_peer_is_recognised_by_the_vendor_id_feature_whatever_its_display_name()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        sa.VendorIds.Add(new VendorIdObservation("fb1de3cdf341b7ea16b7e5be0855f120", "acme gateway", null, true) { Features = VendorIdFeature.Microsoft });

        SaFacts facts = Assert.Single(FactSheet.Build(draft.Build()).Sas);

        Assert.True(facts.WindowsPeer);
        Assert.Equal("", facts.WindowsVersion);
    }

    [Fact]
    public void Vendor_id_named_windows_without_the_microsoft_feature_is_not_a_windows_peer()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        sa.VendorIds.Add(new VendorIdObservation("00112233", "Windows-compatible MS NT5 Microsoft clone", "Windows", true));

        SaFacts facts = Assert.Single(FactSheet.Build(draft.Build()).Sas);

        Assert.False(facts.WindowsPeer);
        Assert.Equal("", facts.WindowsVersion);
    }

    [Fact]
    public void Windows_version_is_named_from_the_vendor_id_number_not_from_its_label()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        sa.VendorIds.Add(new VendorIdObservation("1e2b516905991c7d7c96fcbfb587e46100000007", "renamed", null, true)
        { Features = VendorIdFeature.Microsoft, WindowsVersion = 7 });

        SaFacts facts = Assert.Single(FactSheet.Build(draft.Build()).Sas);

        Assert.True(facts.WindowsPeer);
        Assert.Equal("Windows 7", facts.WindowsVersion);
    }

    [Theory]
    [InlineData(1, true, false)]        // Pre-Shared Key
    [InlineData(65001, true, false)]    // XAUTH InitPreShared: a PSK under the user login
    [InlineData(65002, true, false)]    // XAUTH RespPreShared
    [InlineData(3, false, true)]        // RSA Signature
    [InlineData(9, false, true)]        // ECDSA P-256
    [InlineData(65005, false, true)]    // XAUTH InitRSA
    [InlineData(64221, false, true)]    // Hybrid InitRSA
    [InlineData(65100, false, false)]   // private use: neither, whatever it is called
    public void Psk_or_certificate_comes_from_the_authentication_method_number(int method, bool psk, bool certificates)
    {
        var draft = new CaseDraft();
        draft.Sa(method: method);

        SaFacts facts = Assert.Single(FactSheet.Build(draft.Build()).Sas);

        Assert.Equal(psk, facts.UsesPreSharedKey);
        Assert.Equal(certificates, facts.UsesCertificates);
        Assert.Equal(new TransformValue(TransformRegistry.V1AuthenticationMethod, method).Name, facts.AuthenticationMethod);
    }

    [Fact]
    public void Pre_shared_key_is_recognised_by_the_sa_method_even_when_an_offer_lists_another()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(method: 1);
        sa.Proposals[0] = sa.Proposals[0] with { Algorithms = [new(TransformRegistry.V1Encryption, 7), new(TransformRegistry.V1AuthenticationMethod, 3)] };

        SaFacts facts = Assert.Single(FactSheet.Build(draft.Build()).Sas);

        Assert.True(facts.UsesPreSharedKey);
        Assert.False(facts.UsesCertificates);
    }

    [Theory]
    [InlineData(EncapsulationModes.UdpEncapsulatedTunnelDraft, true)]
    [InlineData(EncapsulationModes.UdpEncapsulatedTunnel, true)]
    [InlineData(EncapsulationModes.Transport, false)]
    [InlineData(EncapsulationModes.UdpEncapsulatedTransportDraft, false)]
    public void Tunnel_mode_is_recognised_by_the_mode_number_whatever_its_name(int mode, bool tunnel)
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.MainMode(sa, 0);
        IkeExchange quickMode = draft.QuickMode(sa, 1);
        quickMode.ChildSa = new ChildSaNegotiation();
        quickMode.ChildSa.Offered.Add(new IkeProposal(1, 1, SecurityProtocol.Esp, false, 128, 3600)
        { EncapsulationModeId = mode });

        SaFacts facts = Assert.Single(FactSheet.Build(draft.Build()).Sas);

        Assert.Equal(tunnel, facts.TunnelModeProposed);
    }
}
