using YamlDotNet.Serialization;

namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// The rule file's YAML shape, generated at build time: the reflection-based deserializer spent
/// most of reading the catalogue inspecting these three types (about 14 ms of a run under AOT,
/// on the critical path of a small capture).
/// </summary>
[YamlStaticContext]
[YamlSerializable(typeof(RuleDocument))]
[YamlSerializable(typeof(RuleEvidenceDocument))]
[YamlSerializable(typeof(RuleExamplesDocument))]
[YamlSerializable(typeof(RuleFromLogsDocument))]
public sealed partial class RuleYamlContext : StaticContext;
