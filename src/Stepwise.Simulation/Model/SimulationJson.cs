using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.Model;

/// <summary>The JSON conventions of model and scenario files: camelCase names, enums as words, comments and trailing
/// commas allowed, unknown fields refused (a misspelt field must not be silently ignored). Problems are reported in the
/// file's terms (the field as written, what was expected, the line), never in the serializer's.</summary>
internal static partial class SimulationJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads <paramref name="text"/> as a <typeparamref name="T"/>, turning every problem into a
    /// <see cref="SimulationFileException"/> that names the file, the line and the field as written, and what was
    /// expected. <paramref name="map"/> gives the lines of a YAML file (whose JSON form is read here).</summary>
    public static T Deserialize<T>(string text, string file, SourceMap? map = null)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options)
                ?? throw new SimulationFileException(file, null, "the file is empty (null); expected " + (typeof(T) == typeof(SimulationModel) ? "a model" : "a scenario"));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            string? path = (ex as JsonException)?.Path ?? PathIn(ex.Message);
            string? field = string.IsNullOrEmpty(path) || path == "$" ? null : SourceMap.Normalise(path);
            long? line = null, column = null;
            if (map?.Find(field) is { } at)
            {
                (line, column) = at;
            }
            else if (ex is JsonException { LineNumber: { } l } json)
            {
                line = l + 1;
                column = json.BytePositionInLine + 1;
            }

            var (problem, where) = Explain(ex, text, typeof(T), field);
            if (where != field && map?.Find(where) is { } better)
            {
                (line, column) = better;
            }

            throw new SimulationFileException(file, where, problem, line, column, ex);
        }
    }

    /// <summary>What went wrong, in the file's terms, and the field it concerns.</summary>
    private static (string Problem, string? Field) Explain(Exception ex, string text, Type root, string? field)
    {
        string message = ex.Message;
        if (UnknownDiscriminator().Match(message) is { Success: true } unknown)
        {
            var type = TypeAt(root, text, field).Type;
            return ($"'{unknown.Groups[1].Value}' is not a type of {Noun(type)}; expected one of: {string.Join(", ", Discriminators(type))}", Join(field, "type"));
        }

        if (message.Contains("must specify a type discriminator", StringComparison.Ordinal) || message.Contains("type discriminator", StringComparison.Ordinal))
        {
            var type = TypeAt(root, text, field).Type;
            return ($"expected a field 'type' saying which {Noun(type)} this is: one of {string.Join(", ", Discriminators(type))}", field);
        }

        if (message.Contains("could not be mapped to any", StringComparison.Ordinal))
        {
            string name = LastName(field);
            var (parent, discriminator) = TypeAt(root, text, SourceMap.Parent(field ?? string.Empty));
            var known = FieldNames(parent).Where(n => n != "type").ToList();
            string what = discriminator is null ? "here" : $"of a {discriminator} change";
            return ($"'{name}' is not a field {what}; expected {(known.Count == 0 ? "no other fields" : "one of: " + string.Join(", ", known))}", field);
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var names = Quoted().Matches(missing.Groups[1].Value).Select(m => JsonNamingPolicy.CamelCase.ConvertName(m.Groups[1].Value)).ToList();
            return ($"expected {(names.Count == 1 ? "a field" : "fields")} {string.Join(", ", names.Select(n => $"'{n}'"))}", field);
        }

        if (ex is JsonException { Path: not null } && (message.Contains("could not be converted", StringComparison.Ordinal) || message.Contains("null", StringComparison.OrdinalIgnoreCase)))
        {
            var (type, _) = TypeAt(root, text, field);
            return ($"expected {Expected(type)}{Found(text, field)}", field);
        }

        // Broken JSON syntax: the reader's own sentence, without its position (given as the line and column).
        string plain = message;
        foreach (string cut in new[] { " Path:", " LineNumber:", " | " })
        {
            int at = plain.IndexOf(cut, StringComparison.Ordinal);
            if (at > 0)
            {
                plain = plain[..at];
            }
        }

        plain = plain.TrimEnd('.', ' ');
        return (LooksLikeDotNet(plain) ? $"the text is not valid here; expected {Expected(TypeAt(root, text, field).Type)}" : plain, field);
    }

    private static bool LooksLikeDotNet(string text)
        => text.Contains("System.", StringComparison.Ordinal) || text.Contains(".NET", StringComparison.Ordinal) || text.Contains("Stepwise.", StringComparison.Ordinal) || text.Contains("type '", StringComparison.Ordinal);

    /// <summary>What a value of <paramref name="type"/> looks like, in words.</summary>
    private static string Expected(Type? type)
    {
        if (type is null)
        {
            return "a value of another kind";
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "a whole number";
        }

        if (type == typeof(string))
        {
            return "text";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "a date and time such as 2024-01-01T00:00:00Z";
        }

        if (type == typeof(DateOnly))
        {
            return "a date such as 2024-12-25";
        }

        if (type.IsEnum)
        {
            return "one of: " + string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)));
        }

        if (type == typeof(Distribution))
        {
            return "a distribution: an object with 'kind' (constant, exponential, lognormal, gamma, weibull or empirical) and its parameters";
        }

        if (type == typeof(WeekProfile))
        {
            return "24 hourly values for each of mon, tue, wed, thu, fri, sat and sun";
        }

        if (type.IsGenericType && type.GetGenericArguments() is { Length: 2 } pair && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return $"an object whose values are each {Expected(pair[1])}";
        }

        if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return "a list";
        }

        return "an object with the fields " + string.Join(", ", FieldNames(type));
    }

    private static string Found(string text, string? field)
    {
        if (field is null)
        {
            return string.Empty;
        }

        try
        {
            var node = Navigate(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }), field);
            return node is null ? "; found nothing (null)" : node is JsonValue v ? $"; found {Shorten(v.ToJsonString())}" : node is JsonArray ? "; found a list" : "; found an object";
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    /// <summary>The type expected at <paramref name="field"/> when reading a <paramref name="root"/>, and the type
    /// discriminator of a polymorphic object there (read from the text).</summary>
    private static (Type? Type, string? Discriminator) TypeAt(Type root, string text, string? field)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            document = null;
        }

        Type? type = root;
        string? discriminator = null;
        string walked = string.Empty;
        foreach (var (name, index) in Segments(field ?? string.Empty))
        {
            if (type is null)
            {
                break;
            }

            (type, discriminator) = Concrete(type, document is null ? null : Navigate(document, walked));
            if (index is { } i)
            {
                type = ElementType(type);
                walked += $"[{i}]";
            }
            else
            {
                var info = Options.GetTypeInfo(type!);
                var property = info.Properties.FirstOrDefault(p => p.Name == name);
                type = property?.PropertyType ?? (info.Kind == JsonTypeInfoKind.Dictionary ? type!.GetGenericArguments().LastOrDefault() : null);
                walked = walked.Length == 0 ? name! : $"{walked}.{name}";
            }
        }

        if (type is not null)
        {
            (type, discriminator) = Concrete(type, document is null ? null : Navigate(document, walked));
        }

        return (type, discriminator);
    }

    /// <summary>For a polymorphic base type, the derived type the object's 'type' names.</summary>
    private static (Type Type, string? Discriminator) Concrete(Type type, JsonNode? node)
    {
        var polymorphism = Options.GetTypeInfo(type).PolymorphismOptions;
        if (polymorphism is null)
        {
            return (type, null);
        }

        string? name = node is JsonObject obj && obj[polymorphism.TypeDiscriminatorPropertyName] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        var derived = polymorphism.DerivedTypes.FirstOrDefault(d => Equals(d.TypeDiscriminator, name));
        return derived.DerivedType is null ? (type, null) : (derived.DerivedType, name);
    }

    private static Type? ElementType(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var list = type.IsGenericType && type.GetGenericArguments().Length == 1 ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return list?.GetGenericArguments()[0];
    }

    /// <summary>The discriminators of a polymorphic type (the scenario change types).</summary>
    public static IReadOnlyList<string> Discriminators(Type? type)
    {
        if (type is null)
        {
            return [];
        }

        var polymorphism = Options.GetTypeInfo(type).PolymorphismOptions ?? (type.BaseType is { } b && b != typeof(object) ? Options.GetTypeInfo(b).PolymorphismOptions : null);
        return polymorphism is null ? [] : [.. polymorphism.DerivedTypes.Select(d => Convert.ToString(d.TypeDiscriminator, CultureInfo.InvariantCulture)!)];
    }

    private static string Noun(Type? type) => type is not null && (type.Name == "ScenarioChange" || type.BaseType?.Name == "ScenarioChange") ? "change" : "object";

    private static IEnumerable<string> FieldNames(Type? type)
        => type is null ? [] : Options.GetTypeInfo(type).Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).Select(p => p.Name);

    private static IEnumerable<(string? Name, int? Index)> Segments(string path)
    {
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                int end = path.IndexOf(']', i);
                yield return (null, int.Parse(path.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture));
                i = end + 1;
            }
            else
            {
                if (path[i] == '.')
                {
                    i++;
                }

                int end = i;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                yield return (path[i..end], null);
                i = end;
            }
        }
    }

    private static JsonNode? Navigate(JsonNode? node, string path)
    {
        foreach (var (name, index) in Segments(path))
        {
            node = index is { } i ? node is JsonArray a && i < a.Count ? a[i] : null : node is JsonObject o ? o[name!] : null;
        }

        return node;
    }

    private static string LastName(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        string? parent = SourceMap.Parent(field);
        return parent is null || parent.Length == 0 ? field.TrimStart('.') : field[(parent.Length + 1)..];
    }

    private static string? Join(string? field, string name) => string.IsNullOrEmpty(field) ? name : $"{field}.{name}";

    private static string? PathIn(string message) => PathPattern().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"type discriminator id '([^']*)'")]
    private static partial Regex UnknownDiscriminator();

    [GeneratedRegex(@"missing required properties,? including:? (.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"Path: (\$[^ |]*)")]
    private static partial Regex PathPattern();
}
