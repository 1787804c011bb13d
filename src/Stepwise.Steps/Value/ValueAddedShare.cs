using System.Globalization;
using Stepwise.Mining;
using Stepwise.Steps.Evidence;

namespace Stepwise.Steps.Value;

/// <summary>
/// The share of the throughput time spent on value-adding work: the handling time of every instance of a value-adding
/// step, summed over the cases, divided by the sum of the cases' throughput times (first to last event, in the same
/// measure). The handling time is measured, standard or estimated as <see cref="Method"/> states.
/// </summary>
/// <param name="Share">Value-adding time over throughput time (NaN when it cannot be computed).</param>
/// <param name="ValueAddingSeconds">The handling time of value-adding instances.</param>
/// <param name="ThroughputSeconds">The summed throughput time.</param>
/// <param name="ValueAddingInstancesWithoutTime">Value-adding instances whose handling time is unknown (not counted).</param>
/// <param name="Method">How the share was computed, including the basis of the handling time.</param>
public sealed record ValueAddedShare(double Share, double ValueAddingSeconds, double ThroughputSeconds, long ValueAddingInstancesWithoutTime, string Method)
{
    /// <summary>Cases the share is computed over.</summary>
    public int Cases { get; init; }

    /// <summary>Where the value-adding time comes from: measured, standard, estimated (or several, comma-separated), or
    /// "no value-adding step".</summary>
    public string Basis { get; init; } = string.Empty;

    /// <summary>The share in one sentence with its basis and the context a reader needs: the value-adding time and the
    /// throughput time per case it compares, and why a small figure is usual. Reports show this, never the bare share.</summary>
    public string Statement
    {
        get
        {
            if (double.IsNaN(Share))
            {
                return Basis == "no value-adding step"
                    ? "Value-added share of throughput time: not known, as no step is classed value-adding (set classes with --value or value_classes)."
                    : "Value-added share of throughput time: not known, as the value-adding steps have no handling time (give standard times).";
            }

            double work = Cases == 0 ? double.NaN : ValueAddingSeconds / Cases;
            double throughput = Cases == 0 ? double.NaN : ThroughputSeconds / Cases;
            string note = Basis.Contains("estimated", StringComparison.Ordinal)
                ? "an estimate from the gaps between a person's completions, not a measurement"
                : Basis;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Value-added share of throughput time: {Percent(Share)}, that is about {Questions.Wording.Duration(work)} of value-adding work per case ({note}) against a mean throughput time of {Questions.Wording.Duration(throughput)} per case. Most of a case's time is spent waiting between steps; shares of a few percent or less are usual when throughput is measured from first to last event, so follow the figure over time or compare it between processes rather than with 100%.");
        }
    }

    /// <summary>A share as a percentage with two significant digits (0.0051%, 0.83%, 12%).</summary>
    public static string Percent(double share)
    {
        double p = share * 100;
        if (double.IsNaN(p))
        {
            return "-";
        }

        if (p == 0 || p >= 10)
        {
            return p.ToString("0", CultureInfo.InvariantCulture) + "%";
        }

        int decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(p)), 1, 8);
        return Math.Round(p, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>Computes the share for <paramref name="view"/>.</summary>
    public static ValueAddedShare Compute(LogView view, HandlingTimes handling, IReadOnlyList<ValueSuggestion> classes, double throughputSeconds)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(handling);
        ArgumentNullException.ThrowIfNull(classes);
        var log = view.Log;
        var valueAdding = new bool[log.ActivityNames.Count];
        var names = new List<string>();
        foreach (var c in classes)
        {
            int id = log.ActivityNames.IdOf(c.Step);
            if (id >= 0 && c.Class == ValueClass.ValueAdding)
            {
                valueAdding[id] = true;
                names.Add(c.Step);
            }
        }

        double seconds = 0;
        long unknown = 0;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                if (!valueAdding[log.Activities[e]])
                {
                    continue;
                }

                double s = handling.SecondsOf(e);
                if (double.IsNaN(s))
                {
                    unknown++;
                }
                else
                {
                    seconds += s;
                }
            }
        }

        var bases = handling.Steps.Where(s => valueAdding[s.Activity] && s.Instances > 0).Select(s => s.Basis).Distinct().ToList();
        string basis = bases.Count == 0 ? "no value-adding step" : string.Join(", ", bases.Select(b => b.ToString().ToLowerInvariant()));
        double share = throughputSeconds > 0 && names.Count > 0 && (unknown == 0 || seconds > 0) ? seconds / throughputSeconds : double.NaN;
        string method = string.Create(
            CultureInfo.InvariantCulture,
            $"Value-added share: handling time of value-adding steps ({(names.Count == 0 ? "none" : string.Join(", ", names.Select(n => "'" + n + "'")))}; handling time {basis}) summed over cases, divided by the summed throughput time of the cases (first to last event).{(unknown > 0 ? $" {unknown:N0} value-adding instances have no handling time and are not counted." : string.Empty)}");
        return new ValueAddedShare(share, seconds, throughputSeconds, unknown, method) { Cases = view.CaseCount, Basis = basis };
    }
}
