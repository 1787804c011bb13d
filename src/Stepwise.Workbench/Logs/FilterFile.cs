using System.Text.Json;
using Stepwise.Mining.Filtering;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Logs;

/// <summary>
/// Files of case filters: JSON, one filter object with a <c>kind</c> or a list of them (all must hold), as a review's
/// agreed boundaries are stored, e.g. <c>[{"kind": "ends-with", "activities": ["Closed"]}]</c>.
/// </summary>
public static class FilterFile
{
    /// <summary>The most a filter file may hold.</summary>
    public const long MaxBytes = 4L << 20;

    /// <summary>Camel-case properties, enums as strings, comments and trailing commas allowed.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>Reads the filter in <paramref name="path"/>.</summary>
    /// <exception cref="StepwiseException">The file is missing, too large or not a filter file (bad file, with the line).</exception>
    public static CaseFilter Read(string path)
    {
        string json = BoundedText.Read(path, MaxBytes, "filter file");
        return Parse(json, Path.GetFileName(path));
    }

    /// <summary>Parses filter JSON read from <paramref name="file"/>.</summary>
    /// <exception cref="StepwiseException">The text is not a filter file (bad file, with the line).</exception>
    public static CaseFilter Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            if (json.TrimStart().StartsWith('['))
            {
                return new AllOfFilter(JsonSerializer.Deserialize<List<CaseFilter>>(json, Json) ?? []);
            }

            return JsonSerializer.Deserialize<CaseFilter>(json, Json) ?? new AllOfFilter([]);
        }
        catch (JsonException ex)
        {
            throw BoundedText.BadJson(file, ex, "a filter file: a filter object with a \"kind\", or a list of them, e.g. [{\"kind\": \"ends-with\", \"activities\": [\"Closed\"]}]");
        }
    }
}
