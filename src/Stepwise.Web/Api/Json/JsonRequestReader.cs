using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Json;

/// <summary>
/// Reads a JSON request body into its request type, and says what is wrong in the user's terms when it cannot: each
/// bad field by its JSON name (<c>calendar.holidays[2]</c>, list items counted from 1 as the command line counts them)
/// with what was expected and what was sent, never a .NET type or a serializer path. The body is checked against the
/// type's shape first (unknown and missing fields, kinds of values), so every mistake is reported at once.
/// </summary>
internal static class JsonRequestReader
{
    /// <summary>Reads <paramref name="body"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="StepwiseException">The body is empty, not JSON, or not the shape expected (invalid value, naming every bad field).</exception>
    public static T Read<T>(ReadOnlyMemory<byte> body, JsonSerializerOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        if (body.IsEmpty)
        {
            throw StepwiseException.Invalid("body", "is required: send the request as a JSON object (Content-Type: application/json).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = ApiJson.MaxDepth });
        }
        catch (JsonException ex)
        {
            string line = ((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            string column = ((ex.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            throw StepwiseException.Invalid("body", $"is not valid JSON at line {line}, column {column}: {ReaderSentence(ex.Message)}");
        }

        using (document)
        {
            var errors = new List<FieldError>();
            Check(document.RootElement, options.GetTypeInfo(typeof(T)), string.Empty, errors, options);
            if (errors.Count > 0)
            {
                throw new StepwiseException(errors);
            }

            try
            {
                return document.Deserialize<T>(options) ?? throw StepwiseException.Invalid("body", "must be a JSON object, not null.");
            }
            catch (JsonException ex)
            {
                // The shape check above catches what users get wrong; this is the fallback, still in their terms.
                throw StepwiseException.Invalid(FieldOf(ex.Path), "has a value of the wrong kind.");
            }
        }
    }

    private static void Check(JsonElement value, JsonTypeInfo info, string path, List<FieldError> errors, JsonSerializerOptions options)
    {
        string field = path.Length == 0 ? "body" : path;
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (info.Type.IsValueType && Nullable.GetUnderlyingType(info.Type) is null)
            {
                errors.Add(new FieldError(field, $"must not be null; expected {Expected(type, info)}."));
            }

            return;
        }

        if (type == typeof(JsonElement) || type == typeof(object))
        {
            return;
        }

        string? problem = type switch
        {
            _ when type == typeof(string) => value.ValueKind == JsonValueKind.String ? null : "text",
            _ when type == typeof(bool) => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "true or false",
            _ when type == typeof(int) => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) ? null : "a whole number",
            _ when type == typeof(long) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _) ? null : "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => value.ValueKind == JsonValueKind.Number ? null : "a number",
            _ when type == typeof(Guid) => value.ValueKind == JsonValueKind.String && value.TryGetGuid(out _) ? null : "an id (a UUID such as 0195f3c2-7d1e-7a4b-9c1d-2e3f4a5b6c7d)",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out _) ? null : "a date and time in ISO 8601, e.g. 2026-03-02T09:00:00Z",
            _ when type == typeof(DateOnly) => value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "a date yyyy-MM-dd",
            _ when type.IsEnum => value.ValueKind == JsonValueKind.String && EnumNames(type).Contains(value.GetString()!, StringComparer.Ordinal) ? null : "one of " + string.Join(", ", EnumNames(type)),
            _ => CheckComposite(value, info, path, errors, options),
        };
        if (problem is not null)
        {
            errors.Add(new FieldError(field, $"must be {problem} (got {Sent(value)})."));
        }
    }

    // Objects, lists and dictionaries: checks the container, then each member; returns what was expected when the
    // container itself is of the wrong kind.
    private static string? CheckComposite(JsonElement value, JsonTypeInfo info, string path, List<FieldError> errors, JsonSerializerOptions options)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    return "a list";
                }

                var element = options.GetTypeInfo(info.ElementType!);
                int index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    index++;
                    Check(item, element, $"{(path.Length == 0 ? "body" : path)}[{index.ToString(CultureInfo.InvariantCulture)}]", errors, options);
                }

                return null;
            case JsonTypeInfoKind.Dictionary:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return "an object";
                }

                var values = options.GetTypeInfo(info.ElementType!);
                foreach (var property in value.EnumerateObject())
                {
                    Check(property.Value, values, Join(path, property.Name), errors, options);
                }

                return null;
            case JsonTypeInfoKind.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return path.Length == 0 ? "a JSON object" : "an object";
                }

                var known = info.Properties.Where(p => p.Set is not null).ToDictionary(p => p.Name, StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    if (!known.TryGetValue(property.Name, out var member))
                    {
                        errors.Add(new FieldError(Join(path, property.Name), $"is not a field of this request; its fields are {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}."));
                        continue;
                    }

                    if (property.Value.ValueKind == JsonValueKind.Null && !member.IsSetNullable && !member.PropertyType.IsValueType)
                    {
                        errors.Add(new FieldError(Join(path, property.Name), $"must not be null; leave it out, or give {Expected(member.PropertyType, options.GetTypeInfo(member.PropertyType))}."));
                        continue;
                    }

                    Check(property.Value, options.GetTypeInfo(member.PropertyType), Join(path, property.Name), errors, options);
                }

                foreach (var member in known.Values.Where(p => p.IsRequired))
                {
                    if (!value.TryGetProperty(member.Name, out _))
                    {
                        errors.Add(new FieldError(Join(path, member.Name), "is required."));
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string Expected(Type type, JsonTypeInfo info)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(string) => "text",
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(int) || t == typeof(long) => "a whole number",
            _ when t == typeof(double) || t == typeof(decimal) || t == typeof(float) => "a number",
            _ when t.IsEnum => "one of " + string.Join(", ", EnumNames(t)),
            _ when info.Kind == JsonTypeInfoKind.Enumerable => "a list",
            _ => "an object",
        };
    }

    private static IReadOnlyList<string> EnumNames(Type type) => [.. Enum.GetNames(type).Select(ApiJson.Name)];

    private static string Sent(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "'" + Clip(value.GetString() ?? string.Empty) + "'",
        JsonValueKind.Number => Clip(value.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    // "$.calendar.holidays[0]" becomes "calendar.holidays[1]": the JSON names, items counted from 1.
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var text = new System.Text.StringBuilder();
        int i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }

            if (path[i] == '[')
            {
                int end = path.IndexOf(']', i);
                string inner = path[(i + 1)..end];
                if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    text.Append('[').Append((index + 1).ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    text.Append(text.Length == 0 ? string.Empty : ".").Append(inner.Trim('\''));
                }

                i = end + 1;
                continue;
            }

            int next = path.IndexOfAny(['.', '['], i);
            string name = next < 0 ? path[i..] : path[i..next];
            text.Append(text.Length == 0 ? string.Empty : ".").Append(name);
            i = next < 0 ? path.Length : next;
        }

        return text.ToString();
    }

    // The reader's own sentence says what it found ("'}' is invalid after a value. Expected either ',', '}', or ']'.");
    // its position suffix is replaced by ours.
    private static string ReaderSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string text = (cut >= 0 ? message[..cut] : message).Trim();
        int path = text.IndexOf(" Path:", StringComparison.Ordinal);
        return path >= 0 ? text[..path].Trim() : text;
    }
}
