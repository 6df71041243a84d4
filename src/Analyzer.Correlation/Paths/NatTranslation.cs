using Analyzer.Core;

namespace Analyzer.Correlation.Paths;

/// <summary>A NAT mapping seen by matching packets across captures: inside → outside, and whether NAT-D agreed.</summary>
public sealed record NatTranslation(string Protocol, NetEndpoint Inside, NetEndpoint Outside, bool? NatDiscoveryAgreed);
