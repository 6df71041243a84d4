using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;

namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// The types rule expressions may name beyond the parser's predefined ones: the fact types, and
/// the Windows error table (Core WindowsErrors) the rules name, and nothing else. The library's default provider also scans every loaded assembly for types marked
/// [DynamicLinqType] and resolves any type of the application by name; under Native AOT that scan
/// alone took about half of a small case's CPU time, and rules have no business naming other types.
/// </summary>
internal sealed class FactTypeProvider(IEnumerable<Type> factTypes) : IDynamicLinqCustomTypeProvider
{
    private readonly HashSet<Type> _types = [.. factTypes];
    private readonly Dictionary<Type, List<MethodInfo>> _noExtensionMethods = [];

    public HashSet<Type> GetCustomTypes() => _types;

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => _noExtensionMethods;

    public Type? ResolveType(string typeName) => _types.FirstOrDefault(t => string.Equals(t.FullName, typeName, StringComparison.Ordinal));

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => _types.FirstOrDefault(t => string.Equals(t.Name, simpleTypeName, StringComparison.Ordinal));
}
