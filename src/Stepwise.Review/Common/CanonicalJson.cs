using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Stepwise.Review.Common;

/// <summary>
/// The one JSON form of artefacts: snake_case names, enums as snake_case strings, object keys sorted by ordinal,
/// no insignificant whitespace, numbers in their shortest round-trip form. Equal content gives equal bytes, so the
/// SHA-256 of these bytes identifies a version of an artefact.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The serializer options used for artefacts.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
            RespectNullableAnnotations = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,

            // Keys are sorted, so a polymorphic value's "type" is not always first (e.g. an option's scenario changes).
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The canonical JSON text of <paramref name="value"/>.</summary>
    public static string Serialize<T>(T value)
    {
        var node = JsonSerializer.SerializeToNode(value, Options);
        return Canonicalize(node);
    }

    /// <summary>Reads an artefact back from its JSON text.</summary>
    /// <exception cref="InvalidDataException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"{what}: the stored JSON is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{what}: the stored JSON is not valid ({ex.Message}).", ex);
        }
    }

    /// <summary>Re-writes any JSON node in canonical form (sorted keys, no whitespace).</summary>
    public static string Canonicalize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false }))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The version hash of a canonical JSON text.</summary>
    public static ContentHash Hash(string canonicalJson) => ContentHash.Of(Encoding.UTF8.GetBytes(canonicalJson));

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
