using Stepwise.Mining.Attributes;

namespace Stepwise.Mining;

/// <summary>An XES extension declaration (name, prefix, URI).</summary>
public sealed record XesExtension(string Name, string Prefix, string Uri);

/// <summary>An XES classifier: a named list of event attribute keys that together identify an activity.</summary>
public sealed record XesClassifier(string Name, IReadOnlyList<string> Keys);

/// <summary>
/// A log-level attribute, or an XES global default. Nested attributes are flattened: a child's key is
/// its parent's key, a slash and its own key.
/// </summary>
public sealed record LogAttribute(string Key, AttributeKind Kind, string Value, string? Scope = null);

/// <summary>What a log says about itself: where it came from and, for XES, its declarations.</summary>
public sealed record LogMetadata
{
    /// <summary>Metadata of a log that came from nowhere in particular.</summary>
    public static LogMetadata Empty { get; } = new();

    /// <summary>The file name the log was read from, if any.</summary>
    public string? SourceName { get; init; }

    /// <summary>The format the log was read from (csv, xes).</summary>
    public string? SourceFormat { get; init; }

    /// <summary>Log-level attributes.</summary>
    public IReadOnlyList<LogAttribute> Attributes { get; init; } = [];

    /// <summary>XES extension declarations.</summary>
    public IReadOnlyList<XesExtension> Extensions { get; init; } = [];

    /// <summary>XES global attribute declarations; <see cref="LogAttribute.Scope"/> is trace or event.</summary>
    public IReadOnlyList<LogAttribute> Globals { get; init; } = [];

    /// <summary>XES classifier declarations.</summary>
    public IReadOnlyList<XesClassifier> Classifiers { get; init; } = [];
}
