using Stepwise.Monitoring.Kpis;

namespace Stepwise.Monitoring.Comparison;

/// <summary>
/// Turns a comparison into a verdict: a change when the adjusted p-value is below the test level (its sign and the
/// KPI's direction say which); otherwise no detectable change when the whole interval lies within plus or minus the
/// meaningful change, and undecided when it reaches beyond.
/// </summary>
internal static class VerdictRules
{
    public static Verdict Decide(double difference, double low, double high, double adjustedP, double alpha, double meaningful, KpiDirection direction)
    {
        if (double.IsNaN(difference) || double.IsNaN(adjustedP))
        {
            return Verdict.NotMeasured;
        }

        if (adjustedP < alpha && difference != 0)
        {
            bool up = difference > 0;
            return direction switch
            {
                KpiDirection.HigherIsBetter => up ? Verdict.Improved : Verdict.Worse,
                KpiDirection.LowerIsBetter => up ? Verdict.Worse : Verdict.Improved,
                _ => up ? Verdict.Increased : Verdict.Decreased,
            };
        }

        return !double.IsNaN(low) && !double.IsNaN(high) && low >= -meaningful && high <= meaningful
            ? Verdict.NoDetectableChange
            : Verdict.Undecided;
    }
}
