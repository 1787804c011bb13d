namespace Stepwise.Simulation.Validation;

/// <summary>How well a simulated model reproduces the data it was discovered from.</summary>
/// <param name="Metrics">Every measure compared.</param>
/// <param name="ThroughputKs">The Kolmogorov-Smirnov distance between the observed and simulated throughput-time
/// distributions (0 = identical, 1 = disjoint).</param>
/// <param name="Replications">Replications simulated.</param>
/// <param name="Notes">What could not be compared and why.</param>
public sealed record ValidationReport(IReadOnlyList<ValidationMetric> Metrics, double ThroughputKs, int Replications, IReadOnlyList<string> Notes)
{
    /// <summary>What makes the comparison unreliable before any figure is read: a model that does not fit the data it is
    /// compared with (another process, another period).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The comparison in sentences, throughput first, then the time before the last step: which measures with a target
    /// are within it and which missed, by how much. Never says the model reproduces the data when a throughput measure
    /// or the time before the last step misses, nor when a warning stands.
    /// </summary>
    public IReadOnlyList<string> Summary
    {
        get
        {
            var lines = new List<string>();
            var throughput = Metrics.Where(m => m.Group == "throughput" && m.Tolerance is not null).ToList();
            var missed = throughput.Where(m => m.WithinTolerance == false).ToList();
            if (throughput.Count > 0)
            {
                string all = string.Join(" and ", throughput.Select(m => $"{Describe(m.Name)} {Percent(m.RelativeError)}"));
                lines.Add(missed.Count == 0
                    ? $"Throughput time: {all} against the log, within the {Percent(throughput[0].Tolerance!.Value, signed: false)} target."
                    : $"Throughput time is off: {string.Join(" and ", missed.Select(m => $"the {Describe(m.Name)} by {Percent(m.RelativeError)}"))} (target {Percent(missed[0].Tolerance!.Value, signed: false)}){(missed.Count < throughput.Count ? "; " + string.Join(", ", throughput.Except(missed).Select(m => $"the {Describe(m.Name)} is within ({Percent(m.RelativeError)})")) : string.Empty)}.");
            }

            var before = Metrics.Where(m => m.Group == ModelValidation.BeforeLastStep && m.Tolerance is not null).ToList();
            var beforeMissed = before.Where(m => m.WithinTolerance == false).ToList();
            if (before.Count > 0)
            {
                // A long last step (a closing timer) can carry the throughput time while the work before it is off.
                string all = string.Join(" and ", before.Select(m => $"{Describe(m.Name)} {Percent(m.RelativeError)}"));
                lines.Add(beforeMissed.Count == 0
                    ? $"Time before the last step (from a case's first event until its last step is due): {all} against the log, within the {Percent(before[0].Tolerance!.Value, signed: false)} target."
                    : $"Time before the last step (from a case's first event until its last step is due) is off: {string.Join(" and ", beforeMissed.Select(m => $"the {Describe(m.Name)} by {Percent(m.RelativeError)} ({Days(m.Simulated)} simulated against {Days(m.Observed)} in the log)"))} (target {Percent(beforeMissed[0].Tolerance!.Value, signed: false)}){(missed.Count == 0 && throughput.Count > 0 ? ", though the throughput time is within: its last step (a timer, a closing wait) carries it, not the work before" : string.Empty)}.");
            }

            var others = Metrics.Where(m => m.Group != "throughput" && m.Group != ModelValidation.BeforeLastStep && m.Tolerance is not null).ToList();
            var othersMissed = others.Where(m => m.WithinTolerance == false).ToList();
            if (others.Count > 0)
            {
                lines.Add(othersMissed.Count == 0
                    ? $"All {others.Count} {Plural(others)} with a target within it."
                    : $"Off target: {string.Join(", ", othersMissed.Select(m => $"{m.Group} '{m.Name}' {Percent(m.RelativeError)} (target {Percent(m.Tolerance!.Value, signed: false)})"))}; the other {others.Count - othersMissed.Count} of {others.Count} within.");
            }

            lines.Add(AllWithinTolerance && Warnings.Count > 0
                ? "Every measure with a target is within it, but the warnings say where the model may still not stand for the data."
                : AllWithinTolerance
                ? "The as-is model reproduces the data on every measure with a target."
                : $"The as-is model does not reproduce the data on {missed.Count + beforeMissed.Count + othersMissed.Count} measure{(missed.Count + beforeMissed.Count + othersMissed.Count == 1 ? string.Empty : "s")} with a target: read its predictions with that in mind.");
            return lines;
        }
    }

    private static string Describe(string name) => name switch
    {
        "median" => "median",
        "p90" => "90th percentile",
        _ => name,
    };

    private static string Days(double seconds)
        => double.IsNaN(seconds) ? "-" : seconds >= 86400
            ? (seconds / 86400).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " d"
            : (seconds / 3600).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " h";

    private static string Plural(List<ValidationMetric> metrics) => metrics.All(m => m.Group == "step frequency") ? "step frequencies" : "measures";

    private static string Percent(double value, bool signed = true)
        => double.IsNaN(value) ? "-" : (value * 100).ToString(signed ? "+0.0;-0.0;0.0" : "0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>Whether every measure with a target is within it.</summary>
    public bool AllWithinTolerance => Metrics.All(m => m.WithinTolerance != false);

    /// <summary>The metric named <paramref name="name"/> in <paramref name="group"/>, or null.</summary>
    public ValidationMetric? Find(string group, string name) => Metrics.FirstOrDefault(m => m.Group == group && m.Name == name);
}
