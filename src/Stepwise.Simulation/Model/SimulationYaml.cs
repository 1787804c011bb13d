using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stepwise.Simulation.Model;

/// <summary>
/// Model and scenario files may be written in YAML: the YAML is turned into the same JSON the readers check, so both
/// forms follow one set of rules. Plain scalars that read as numbers, booleans or null become those; quoted scalars stay
/// text. Anchors and aliases are refused (they can expand a small file into a huge one).
/// </summary>
internal static class SimulationYaml
{
    /// <summary>Whether <paramref name="path"/> names a YAML file.</summary>
    public static bool IsYaml(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The JSON equivalent of a YAML document.</summary>
    /// <exception cref="SimulationFileException">The YAML is malformed or uses anchors.</exception>
    public static string ToJson(string yaml, string file) => ToJson(yaml, file, new SourceMap());

    /// <summary>The JSON equivalent of a YAML document, recording in <paramref name="positions"/> where each field is written.</summary>
    /// <exception cref="SimulationFileException">The YAML is malformed or uses anchors.</exception>
    public static string ToJson(string yaml, string file, SourceMap positions)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new SimulationFileException(file, null, ex.InnerException?.Message ?? ex.Message, ex.Start.Line, ex.Start.Column, ex);
        }

        if (stream.Documents.Count != 1)
        {
            throw new SimulationFileException(file, null, $"expected one YAML document, found {stream.Documents.Count}");
        }

        var node = Convert(stream.Documents[0].RootNode, file, positions, string.Empty);
        return node?.ToJsonString() ?? "null";
    }

    /// <summary>YAML text for a JSON document (used when saving a model to a .yaml file).</summary>
    public static string FromJson(string json)
    {
        var root = JsonNode.Parse(json);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, root, 0, inSequence: false);
        return writer.ToString();
    }

    private static JsonNode? Convert(YamlNode node, string file, SourceMap positions, string path)
    {
        positions.Add(path, node.Start.Line, node.Start.Column);
        if (!node.Anchor.IsEmpty)
        {
            throw new SimulationFileException(file, null, "YAML anchors and aliases are not supported", node.Start.Line, node.Start.Column);
        }

        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    string name = key is YamlScalarNode s ? s.Value ?? string.Empty : throw new SimulationFileException(file, null, "a key must be a plain name", key.Start.Line, key.Start.Column);
                    if (obj.ContainsKey(name))
                    {
                        throw new SimulationFileException(file, name, "the key appears twice", key.Start.Line, key.Start.Column);
                    }

                    string field = path.Length == 0 ? name : $"{path}.{name}";
                    positions.Add(field, key.Start.Line, key.Start.Column);
                    obj[name] = Convert(value, file, positions, field);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], file, positions, $"{path}[{i}]"));
                }

                return array;
            case YamlScalarNode scalar:
                string text = scalar.Value ?? string.Empty;
                if (scalar.Style is ScalarStyle.Plain)
                {
                    if (text is "" or "~" or "null" or "Null" or "NULL")
                    {
                        return null;
                    }

                    if (text is "true" or "True" or "TRUE")
                    {
                        return JsonValue.Create(true);
                    }

                    if (text is "false" or "False" or "FALSE")
                    {
                        return JsonValue.Create(false);
                    }

                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
                    {
                        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long whole) ? JsonValue.Create(whole) : JsonValue.Create(number);
                    }
                }

                return JsonValue.Create(text);
            default:
                throw new SimulationFileException(file, null, "unsupported YAML node", node.Start.Line, node.Start.Column);
        }
    }

    private static void Write(TextWriter w, JsonNode? node, int indent, bool inSequence)
    {
        string pad = new(' ', indent);
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                bool first = true;
                foreach (var (key, value) in obj)
                {
                    w.Write(first && inSequence ? string.Empty : pad);
                    first = false;
                    w.Write(Scalar(key));
                    w.Write(':');
                    if (value is JsonObject { Count: > 0 } || (value is JsonArray { Count: > 0 } a && !IsFlat(a)))
                    {
                        w.WriteLine();
                        Write(w, value, indent + 2, inSequence: false);
                    }
                    else
                    {
                        w.Write(' ');
                        Write(w, value, indent + 2, inSequence: false);
                    }
                }

                break;
            case JsonArray array when array.Count > 0 && !IsFlat(array):
                foreach (var item in array)
                {
                    w.Write(pad);
                    w.Write("- ");
                    if (item is JsonObject { Count: > 0 })
                    {
                        Write(w, item, indent + 2, inSequence: true);
                    }
                    else
                    {
                        Write(w, item, indent + 2, inSequence: false);
                    }
                }

                break;
            case JsonArray array:
                w.WriteLine("[" + string.Join(", ", array.Select(i => i is null ? "null" : Scalar(i))) + "]");
                break;
            case JsonObject:
                w.WriteLine("{}");
                break;
            case null:
                w.WriteLine("null");
                break;
            default:
                w.WriteLine(Scalar(node));
                break;
        }
    }

    private static bool IsFlat(JsonArray array) => array.All(i => i is null or JsonValue);

    private static string Scalar(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => Scalar(node.GetValue<string>()),
        _ => node.ToJsonString(),
    };

    /// <summary>A string as a YAML scalar: double-quoted (JSON escaping is valid YAML) unless it is a plain word.</summary>
    private static string Scalar(string text)
    {
        bool plain = text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.' or ' ')
            && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && !text.Contains(": ", StringComparison.Ordinal) && !text.EndsWith(':')
            && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && text is not ("true" or "false" or "null" or "True" or "False" or "Null" or "TRUE" or "FALSE" or "NULL" or "~" or "yes" or "no" or "on" or "off")
            && !char.IsAsciiDigit(text[0]) && text[0] is not ('-' or ':');
        return plain ? text : JsonSerializer.Serialize(text);
    }
}
