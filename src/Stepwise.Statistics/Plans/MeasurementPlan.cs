using System.Globalization;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;
using Stepwise.Statistics.Targets;

namespace Stepwise.Statistics.Plans;

/// <summary>
/// Which service features are measured, how, against which targets and how often. Read from a CSV file with the
/// columns <c>feature, metric, method, target, frequency</c> and optionally <c>column</c> and <c>owner</c>; target is
/// written <c>&gt;=80%</c> or <c>&lt;=4</c>.
/// </summary>
/// <param name="Measures">The planned measures.</param>
public sealed record MeasurementPlan(IReadOnlyList<PlannedMeasure> Measures)
{
    /// <summary>Reads a plan file.</summary>
    /// <exception cref="DelimitedTextException">A row names an unknown feature, metric, method or frequency, or a bad target.</exception>
    public static MeasurementPlan Read(string path)
    {
        var table = DelimitedTextReader.Read(path);
        int feature = table.Require("feature", "feature"), metric = table.Require("metric", "metric"), method = table.Require("method", "method");
        int target = table.Require("target", "target"), frequency = table.Require("frequency", "frequency");
        int column = table.IndexOf("column"), owner = table.IndexOf("owner");
        var measures = new List<PlannedMeasure>();
        for (int r = 0; r < table.Records.Count; r++)
        {
            var record = table.Records[r];
            int line = table.Lines[r];
            string Field(int c, string name) => c < record.Length ? record[c].Trim() : throw new DelimitedTextException(table.Source, line, name, "the row has too few fields");
            try
            {
                string metricName = Field(metric, "metric");
                string? columnName = column >= 0 && !string.IsNullOrWhiteSpace(Field(column, "column")) ? Field(column, "column") : null;
                var parsedTarget = TargetSpec.Parse(metricName + (columnName is null ? string.Empty : ":" + columnName) + Field(target, "target"));
                measures.Add(new PlannedMeasure(
                    ServiceFeatureCatalogue.Find(Field(feature, "feature")),
                    ParseEnum<MeasurementMethod>(Field(method, "method"), "method"),
                    parsedTarget,
                    ParseEnum<MeasurementFrequency>(Field(frequency, "frequency"), "frequency"),
                    owner >= 0 && !string.IsNullOrWhiteSpace(Field(owner, "owner")) ? Field(owner, "owner") : null));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException && ex is not DelimitedTextException)
            {
                throw new DelimitedTextException(table.Source, line, null, ex.Message);
            }
        }

        return new MeasurementPlan(measures);
    }

    /// <summary>Assesses every measure whose metric can be computed from <paramref name="feedback"/>; the others are
    /// returned in <c>Skipped</c> with the reason.</summary>
    public (IReadOnlyList<(PlannedMeasure Measure, TargetAssessment Assessment)> Assessed, IReadOnlyList<(PlannedMeasure Measure, string Reason)> Skipped) Assess(FeedbackTable feedback, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var assessed = new List<(PlannedMeasure, TargetAssessment)>();
        var skipped = new List<(PlannedMeasure, string)>();
        foreach (var measure in Measures)
        {
            try
            {
                var (estimate, subject) = MetricEstimator.Estimate(feedback, measure.Target.Metric, measure.Target.Column, confidence);
                assessed.Add((measure, TargetAssessment.Assess(measure.Target, subject, estimate)));
            }
            catch (ArgumentException ex)
            {
                skipped.Add((measure, ex.Message));
            }
        }

        return (assessed, skipped);
    }

    private static T ParseEnum<T>(string text, string what)
        where T : struct, Enum
    {
        string cleaned = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (Enum.TryParse<T>(cleaned, ignoreCase: true, out var value) && !int.TryParse(cleaned, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        throw new FormatException($"'{text}' is not a {what}; use one of: {string.Join(", ", Enum.GetNames<T>())}.");
    }
}
