using System.Globalization;
using System.Text.Json;

namespace Stepwise.Cli.Output;

/// <summary>
/// How a data source was read, in words for a table: the options asked for (only those given), then what was
/// detected, e.g. <c>asked: not applicable 0; detected: response id 'id', outcome 'satisfaction', items (14):
/// 'Inflight wifi service', 'Gate location', 'Seat comfort' and 11 more; rows read 25,976</c>. Empty values, false
/// flags and nulls are left out; long lists are cut after three. CSV and JSON keep the record exactly as stored.
/// </summary>
public static class ReadOptionsText
{
    private const int ListedItems = 3;

    /// <summary>The record in words; the text itself when it is not a JSON object.</summary>
    public static string Summarise(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return json;
            }

            var parts = new List<string>();
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "asked" or "requested":
                        string asked = Fields(property.Value);
                        parts.Add("asked: " + (asked.Length == 0 ? "nothing (all detected)" : asked));
                        break;
                    case "detected":
                        string detected = Fields(property.Value);
                        if (detected.Length > 0)
                        {
                            parts.Add("detected: " + detected);
                        }

                        break;
                    case "notes" or "warnings":
                        if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() > 0)
                        {
                            int n = property.Value.GetArrayLength();
                            parts.Add(n == 1 ? $"1 {property.Name[..^1]}: {Scalar(property.Value[0])}" : string.Create(CultureInfo.InvariantCulture, $"{n} {property.Name} (see --format json)"));
                        }

                        break;
                    default:
                        if (Field(property) is { } field)
                        {
                            parts.Add(field);
                        }

                        break;
                }
            }

            return string.Join("; ", parts);
        }
    }

    /// <summary>The non-empty fields of an object, comma-separated.</summary>
    private static string Fields(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Scalar(value);
        }

        var fields = new List<string>();
        foreach (var property in value.EnumerateObject())
        {
            if (Field(property) is { } field)
            {
                fields.Add(field);
            }
        }

        return string.Join(", ", fields);
    }

    private static string? Field(JsonProperty property)
    {
        string name = property.Name.Replace('_', ' ');
        var value = property.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False:
                return null;
            case JsonValueKind.True:
                return name;
            case JsonValueKind.Array:
                int count = value.GetArrayLength();
                if (count == 0)
                {
                    return null;
                }

                var shown = value.EnumerateArray().Take(ListedItems).Select(Scalar);
                string list = string.Join(", ", shown) + (count > ListedItems ? string.Create(CultureInfo.InvariantCulture, $" and {count - ListedItems:N0} more") : string.Empty);
                return count > ListedItems ? string.Create(CultureInfo.InvariantCulture, $"{name} ({count:N0}): {list}") : $"{name} {list}";
            case JsonValueKind.Object:
                string inner = Fields(value);
                return inner.Length == 0 ? null : $"{name} ({inner})";
            default:
                return $"{name} {Scalar(value)}";
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quoted(value.GetString()!),
        JsonValueKind.Number when value.TryGetInt64(out long whole) => whole.ToString("N0", CultureInfo.InvariantCulture),
        JsonValueKind.Number => value.GetDouble().ToString("0.####", CultureInfo.InvariantCulture),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null => "none",
        _ => value.GetRawText(),
    };

    /// <summary>A text value in quotes, so that names with spaces or commas read as one.</summary>
    private static string Quoted(string text) => "'" + text + "'";
}
