using System.Globalization;
using Stepwise.Statistics.Plans;
using Stepwise.Statistics.Targets;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Quality;

/// <summary>
/// A line of the measurement plan, added or changed (by metric name): feature, metric, method, target, frequency and
/// owner, and how the value is computed from feedback (statistic and column).
/// </summary>
public sealed record MeasureRequest
{
    /// <summary>The metric's name, unique in the plan, e.g. "Wifi satisfaction".</summary>
    public required string Metric { get; init; }

    /// <summary>The feature it measures (one of the review's features).</summary>
    public string? Feature { get; init; }

    /// <summary>How it is computed from feedback: csat, mean, top2, nps, ces, fcr, response-time or qa; none when measured elsewhere.</summary>
    public string? Statistic { get; init; }

    /// <summary>The feedback column it is computed on (the overall score or outcome when omitted).</summary>
    public string? Column { get; init; }

    /// <summary>survey, qa-review, mystery-shopping, complaint-analysis or operational-data.</summary>
    public required string Method { get; init; }

    /// <summary>The target, e.g. <c>&gt;=80%</c>, <c>&lt;=4</c>, <c>&gt;=3.5</c> (a bare number is a floor).</summary>
    public required string Target { get; init; }

    /// <summary>daily, weekly, monthly, quarterly or yearly.</summary>
    public required string Frequency { get; init; }

    /// <summary>Who is accountable (a role or a name).</summary>
    public string? Owner { get; init; }

    /// <summary>The data source, e.g. "post-flight survey".</summary>
    public string? Source { get; init; }

    /// <summary>The sample design, e.g. "stratified by class, 400 a month".</summary>
    public string? SampleDesign { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("metric", Metric, 200).Text("feature", Feature, 200, required: false).Text("column", Column, 200, required: false)
            .Text("owner", Owner, 200, required: false).Text("source", Source, 200, required: false).Text("sample_design", SampleDesign, 400, required: false);
        if (Statistic is not null)
        {
            try
            {
                _ = TargetSpec.ParseMetric(Statistic);
            }
            catch (FormatException ex)
            {
                v.Add("statistic", ex.Message);
            }
        }

        Names<MeasurementMethod>(v, "method", Method);
        Names<MeasurementFrequency>(v, "frequency", Frequency);
        if (string.IsNullOrWhiteSpace(Target))
        {
            v.Add("target", "is required, e.g. >=80% or <=4.");
        }
        else if (ParseTarget(Target) is null)
        {
            v.Add("target", $"'{Target}' is not a target; write >=VALUE or <=VALUE, e.g. >=80% or <=4 (a bare number is a floor).");
        }

        return v;
    }

    /// <summary>The method as stored (kebab-case).</summary>
    internal string MethodName => Validation.Kebab(Enum.Parse<MeasurementMethod>(Compact(Method), ignoreCase: true).ToString());

    /// <summary>The frequency as stored.</summary>
    internal string FrequencyName => Validation.Kebab(Enum.Parse<MeasurementFrequency>(Compact(Frequency), ignoreCase: true).ToString());

    /// <summary>The statistic as stored (its short name), or null.</summary>
    internal string? StatisticName => Statistic is null ? null : TargetSpec.NameOf(TargetSpec.ParseMetric(Statistic));

    /// <summary>The target's value in the metric's units and whether it is a floor. A percentage is a share (80% is 0.8), except for NPS, which is in points.</summary>
    internal (double Value, bool HigherIsBetter) ParsedTarget()
    {
        var (value, floor, percent) = ParseTarget(Target) ?? throw new InvalidOperationException("Validate first.");
        bool nps = StatisticName == "nps";
        return (percent && !nps ? value / 100 : value, floor);
    }

    private static (double Value, bool Floor, bool Percent)? ParseTarget(string text)
    {
        string t = text.Trim();
        bool floor = true;
        if (t.StartsWith(">=", StringComparison.Ordinal))
        {
            t = t[2..];
        }
        else if (t.StartsWith("<=", StringComparison.Ordinal))
        {
            t = t[2..];
            floor = false;
        }

        t = t.Trim();
        bool percent = t.EndsWith('%');
        return double.TryParse(percent ? t[..^1] : t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? (value, floor, percent)
            : null;
    }

    private static string Compact(string text) => text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static void Names<T>(Validation v, string field, string? value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, "is required: " + string.Join(", ", Enum.GetNames<T>().Select(Validation.Kebab)) + ".");
            return;
        }

        _ = v.Enum<T>(field, value);
    }
}
