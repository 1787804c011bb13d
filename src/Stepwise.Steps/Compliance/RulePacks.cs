namespace Stepwise.Steps.Compliance;

/// <summary>
/// The example rule packs shipped with Stepwise. Each names its legal or contractual source and is marked as an example
/// to be checked by the user's compliance team; the readable copies are the YAML files of the Packs folder, which users
/// copy and edit.
/// </summary>
public static class RulePacks
{
    private const string Prefix = "Stepwise.Steps.Packs.";

    /// <summary>The names of the shipped packs (file names without <c>.yaml</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. typeof(RulePacks).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="name"/> is a shipped pack.</summary>
    public static bool Exists(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The YAML text of the pack named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">There is no such pack.</exception>
    public static string Text(string name)
    {
        using var stream = typeof(RulePacks).Assembly.GetManifestResourceStream(Prefix + name + ".yaml")
            ?? throw new ArgumentException($"There is no rule pack '{name}'; the packs are: {string.Join(", ", Names)}.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The pack named <paramref name="name"/>, read.</summary>
    public static RulePack Load(string name) => RuleFile.Parse(Text(name), name + ".yaml");
}
