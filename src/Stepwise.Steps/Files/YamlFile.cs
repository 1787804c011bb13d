using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stepwise.Steps.Files;

/// <summary>
/// Reads a YAML document into YamlDotNet's node tree and walks it with the file name at hand, so that every error
/// names the file, line, column and field. Used for every YAML file of the step review; values are read strictly
/// (unknown fields are errors, so a misspelt key is reported instead of silently ignored).
/// </summary>
internal sealed class YamlFile
{
    private YamlFile(string name, YamlNode? root)
    {
        Name = name;
        Root = root;
    }

    /// <summary>The file name used in messages.</summary>
    public string Name { get; }

    /// <summary>The root node, or null for an empty document.</summary>
    public YamlNode? Root { get; }

    /// <summary>Parses <paramref name="text"/>; YAML syntax errors become <see cref="StepsFileException"/>.</summary>
    public static YamlFile Parse(string text, string name)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new StepsFileException(name, (int)ex.Start.Line, (int)ex.Start.Column, null, "not valid YAML: " + Inner(ex));
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new StepsFileException(name, (int)second.Start.Line, (int)second.Start.Column, null, "expected one YAML document; found several (remove the '---' separator)");
        }

        return new YamlFile(name, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
    }

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static YamlFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(System.IO.File.ReadAllText(path), path);
    }

    /// <summary>An error at <paramref name="node"/>.</summary>
    public StepsFileException Error(YamlNode? node, string? field, string problem)
        => new(Name, node is null ? 0 : (int)node.Start.Line, node is null ? 0 : (int)node.Start.Column, field, problem);

    /// <summary>The root as a mapping (an empty mapping for an empty file).</summary>
    public YamlMappingNode RootMapping(string expected)
        => Root switch
        {
            null => new YamlMappingNode(),
            YamlMappingNode map => map,
            var other => throw Error(other, null, "expected " + expected),
        };

    /// <summary>Checks that <paramref name="map"/> has only the keys in <paramref name="allowed"/>.</summary>
    public void OnlyKeys(YamlMappingNode map, string context, params string[] allowed)
    {
        foreach (var (key, _) in map.Children)
        {
            string name = key is YamlScalarNode s ? s.Value ?? string.Empty : key.ToString();
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, name, $"unknown field in {context}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>The node under <paramref name="key"/>, or null.</summary>
    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>The text under <paramref name="key"/>, or null when absent or empty.</summary>
    public string? Text(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw Error(node, key, "expected a single value (text), not a list or a mapping");
        }

        return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
    }

    /// <summary>The text under <paramref name="key"/>; an error when absent.</summary>
    public string RequiredText(YamlMappingNode map, string key, string expected)
        => Text(map, key) ?? throw Error(map, key, $"the field is missing; expected {expected}");

    /// <summary>A number under <paramref name="key"/>, or null when absent.</summary>
    public double? Number(YamlMappingNode map, string key, string expected)
    {
        string? text = Text(map, key);
        if (text is null)
        {
            return null;
        }

        return ParseNumber(text) ?? throw Error(Get(map, key), key, $"expected {expected}; found '{text}'");
    }

    /// <summary>A duration under <paramref name="key"/> (90s, 45m, 4h, 3d, 8w or a .NET time span), or null.</summary>
    public TimeSpan? Duration(YamlMappingNode map, string key)
    {
        string? text = Text(map, key);
        if (text is null)
        {
            return null;
        }

        return ParseDuration(text) ?? throw Error(Get(map, key), key, $"expected a duration such as 90m, 36h, 3d or 8w; found '{text}'");
    }

    /// <summary>The values under <paramref name="key"/>: a single scalar or a list of scalars.</summary>
    public IReadOnlyList<string> List(YamlMappingNode map, string key) => List(Get(map, key), key);

    /// <summary>The values of <paramref name="node"/>: a single scalar or a list of scalars.</summary>
    public IReadOnlyList<string> List(YamlNode? node, string key)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()];
            case YamlSequenceNode sequence:
                var values = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlScalarNode s)
                    {
                        throw Error(item, key, "expected a list of values, not nested lists or mappings");
                    }

                    values.Add((s.Value ?? string.Empty).Trim());
                }

                return values;
            default:
                throw Error(node, key, "expected a value or a list of values");
        }
    }

    /// <summary>The mapping under <paramref name="key"/>, or null when absent.</summary>
    public YamlMappingNode? Mapping(YamlMappingNode map, string key, string expected)
        => Get(map, key) switch
        {
            null => null,
            YamlMappingNode m => m,
            YamlScalarNode { Value: null or "" } => null,
            var other => throw Error(other, key, "expected " + expected),
        };

    /// <summary>The list under <paramref name="key"/>, or null when absent.</summary>
    public YamlSequenceNode? Sequence(YamlMappingNode map, string key, string expected)
        => Get(map, key) switch
        {
            null => null,
            YamlSequenceNode s => s,
            YamlScalarNode { Value: null or "" } => null,
            var other => throw Error(other, key, "expected " + expected),
        };

    /// <summary>The key of a mapping entry as text.</summary>
    public string KeyText(YamlNode key)
        => key is YamlScalarNode { Value: { Length: > 0 } value } ? value.Trim() : throw Error(key, null, "expected a name as the key");

    /// <summary>Parses a number written with a dot for decimals.</summary>
    public static double? ParseNumber(string text)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;

    /// <summary>Parses 90s, 45m, 4h, 1.5d, 8w or a .NET time span (1.02:00:00); null when it is none of these or negative.</summary>
    public static TimeSpan? ParseDuration(string text)
        => Mining.Time.DurationText.TryParse(text, out var span) ? span : null;

    private static string Inner(YamlException ex)
    {
        // YamlDotNet prefixes its messages with the position, which the exception already carries.
        string message = ex.InnerException?.Message ?? ex.Message;
        int close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }
}
