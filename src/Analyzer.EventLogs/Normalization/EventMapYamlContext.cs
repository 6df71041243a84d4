using YamlDotNet.Serialization;

namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// The event map's YAML shape, generated at build time as the rule files' is (RuleYamlContext): the
/// reflection-based deserializer spent most of loading the Windows maps inspecting these types, on
/// the start-up of every <c>vpndiag events</c> over an EVTX file (docs/performance.md, run 1b of issue 21).
/// </summary>
[YamlStaticContext]
[YamlSerializable(typeof(EventMap))]
[YamlSerializable(typeof(EventMapCode))]
public sealed partial class EventMapYamlContext : StaticContext;
