using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stepwise.Simulation.Model;

/// <summary>The JSON conventions of model and scenario files: camelCase names, enums as words, comments and trailing
/// commas allowed, unknown fields refused (a misspelt field must not be silently ignored).</summary>
internal static class SimulationJson
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
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads <paramref name="text"/> as a <typeparamref name="T"/>, turning every JSON problem into a
    /// <see cref="SimulationFileException"/> that names the file, line and field.</summary>
    public static T Deserialize<T>(string text, string file)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options)
                ?? throw new SimulationFileException(file, null, "the file is empty (null); expected a JSON object");
        }
        catch (JsonException ex)
        {
            string problem = ex.Message;
            int cut = problem.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0)
            {
                problem = problem[..cut];
            }

            long? line = ex.LineNumber is { } l ? l + 1 : null;
            long? column = ex.BytePositionInLine is { } c ? c + 1 : null;
            string? field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? null : ex.Path.TrimStart('$', '.');
            throw new SimulationFileException(file, field, problem, line, column, ex);
        }
    }
}
