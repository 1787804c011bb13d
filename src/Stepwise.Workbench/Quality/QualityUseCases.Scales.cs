using System.Text.Json;
using Stepwise.Review.Access;
using Stepwise.Review.Quality;
using Stepwise.Statistics.Feedback;
using Stepwise.Workbench.Access;

namespace Stepwise.Workbench.Quality;

/// <summary>The rating scales an analysis read its scores on, so a mean can be written with its scale ("3.3 out of 5").</summary>
public sealed partial class QualityUseCases
{
    /// <summary>
    /// The scale of each score column of the file <paramref name="analysis"/> read, as kept with its import: the scale
    /// asked for the overall score or the items when one was given, else the scale detected (the import's notes say
    /// "scale of 'Online boarding' detected as 1-5"). Columns without a known scale are left out.
    /// </summary>
    public IReadOnlyDictionary<string, ScoreScale> Scales(Actor actor, Guid reviewId, QualityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        var scales = new Dictionary<string, ScoreScale>(StringComparer.Ordinal);
        var source = _bench.Workspace.DataSources(reviewId).FirstOrDefault(d => d.Id == analysis.DataSourceId);
        if (source is null)
        {
            return scales;
        }

        try
        {
            using var document = JsonDocument.Parse(source.ImportOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return scales;
            }

            // Detected first, then what was asked, which is what the reading used.
            if (root.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Array)
            {
                foreach (var note in notes.EnumerateArray())
                {
                    if (note.GetString() is { } text && text.StartsWith("scale of '", StringComparison.Ordinal)
                        && text.LastIndexOf("' detected as ", StringComparison.Ordinal) is int at and > 10
                        && TryScale(text[(at + 14)..], out var detected))
                    {
                        scales[text[10..at]] = detected;
                    }
                }
            }

            if (root.TryGetProperty("asked", out var asked) && root.TryGetProperty("detected", out var columns))
            {
                if (Text(asked, "overall_scale") is { } overallScale && Text(columns, "overall") is { } overall && TryScale(overallScale, out var o))
                {
                    scales[overall] = o;
                }

                if (Text(asked, "item_scale") is { } itemScale && TryScale(itemScale, out var i)
                    && columns.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        if (item.GetString() is { } name)
                        {
                            scales[name] = i;
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Import options of another shape say nothing of scales.
        }

        return scales;
    }

    /// <summary>
    /// What the reading of the file <paramref name="analysis"/> read left for the user to decide, because its figures
    /// depend on it (a 0 among 1-5 items that may mean "not applicable"), as kept with its import; empty for imports
    /// kept before such warnings were.
    /// </summary>
    public IReadOnlyList<string> ReadWarnings(Actor actor, Guid reviewId, QualityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        var source = _bench.Workspace.DataSources(reviewId).FirstOrDefault(d => d.Id == analysis.DataSourceId);
        if (source is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(source.ImportOptions);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array
                ? [.. warnings.EnumerateArray().Select(w => w.GetString()).OfType<string>()]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryScale(string text, out ScoreScale scale)
    {
        try
        {
            scale = ScoreScale.Parse(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            scale = default;
            return false;
        }
    }
}
