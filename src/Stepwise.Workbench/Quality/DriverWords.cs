using System.Globalization;
using Stepwise.Review.Quality;

namespace Stepwise.Workbench.Quality;

/// <summary>
/// What the key drivers rest on, in the words the Results page and every report use: the responses that scored every
/// modelled feature (often far fewer than all) and the features left out of the model with their scores.
/// </summary>
public static class DriverWords
{
    /// <summary>"Worked out on the 1,765 of 3,701 responses that scored all 6 features and OverallRating; together the
    /// features explain 84.5% of its variation (R²)."; null for analyses recorded before the base was kept.</summary>
    public static string? Basis(QualityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.DriversModelCount is not { } n)
        {
            return null;
        }

        string scored = analysis.Drivers.Count == 1 ? "scored the feature" : $"scored all {analysis.Drivers.Count.ToString("N0", CultureInfo.InvariantCulture)} features";
        string explained = analysis.DriversRSquared is { } r2 ? $"; together the features explain {(r2 * 100).ToString("0.0", CultureInfo.InvariantCulture)}% of its variation (R²)" : "";
        return $"Worked out on the {n.ToString("N0", CultureInfo.InvariantCulture)} of {Counted.Of(analysis.Responses, "response", "responses")} that {scored} and {analysis.DriversOf ?? "the outcome"}{explained}.";
    }

    /// <summary>"Wifi&amp;Connectivity: answered by 609 of 3,696 responses with an outcome; mean score 1.92 out of 5 (23%
    /// of the scale)", the scale written by <paramref name="outOf"/> (" out of 5") when known.</summary>
    public static string LeftOut(LeftOutDriver feature, string outOf = "")
    {
        ArgumentNullException.ThrowIfNull(feature);
        return $"{feature.Item}: {feature.Reason}" + (feature.MeanScore is { } mean && feature.Performance is { } performance
            ? $"; mean score {mean.ToString("0.00", CultureInfo.InvariantCulture)}{outOf} ({performance.ToString("0", CultureInfo.InvariantCulture)}% of the scale)"
            : "");
    }
}
