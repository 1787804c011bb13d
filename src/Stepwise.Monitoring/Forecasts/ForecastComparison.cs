using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Kpis;

namespace Stepwise.Monitoring.Forecasts;

/// <summary>
/// Puts forecasts beside what happened. A KPI forecast is compared with the after value's interval (or the change's,
/// for a forecast of the change): as forecast when the intervals overlap, better or short of it when the actual
/// interval lies wholly on one side. A forecast change (or savings) whose interval leaves out zero, set against an
/// actual interval that overlaps it but also holds zero, cannot be told from no change yet. Savings realised to date are (before cost per case - after cost per case) times
/// the after cases, with the interval of the cost difference; the forecast to date is the yearly savings times the
/// after period's length in years.
/// </summary>
internal static class ForecastComparison
{
    public static IReadOnlyList<ForecastCheck> Compare(Forecast forecast, IReadOnlyList<KpiComparison> kpis, int afterCases, double afterDays)
    {
        var checks = new List<ForecastCheck>();
        foreach (var f in forecast.Kpis)
        {
            var kpi = kpis.FirstOrDefault(k => string.Equals(k.Key, f.Key, StringComparison.Ordinal));
            if (kpi is null || kpi.Verdict == Verdict.NotMeasured || kpi.CutShort)
            {
                checks.Add(new ForecastCheck(f.Key, kpi?.Name ?? NameOf(f.Key), f.Low, f.High, double.NaN, double.NaN, double.NaN, ForecastVerdict.NotMeasured, kpi is null ? "the KPI is not among those monitored" : kpi.Note ?? "not measured"));
                continue;
            }

            var (actual, low, high) = f.IsChange ? (kpi.Difference, kpi.Low, kpi.High) : (kpi.After, kpi.AfterLow, kpi.AfterHigh);
            bool higherBetter = kpi.Kpi.EffectiveDirection == KpiDirection.HigherIsBetter;
            var verdict = Overlap(low, high, f.Low, f.High, higherBetter, f.IsChange);
            if (kpi.Kpi.EffectiveDirection == KpiDirection.None && verdict is ForecastVerdict.BetterThanForecast or ForecastVerdict.ShortOfForecast)
            {
                verdict = ForecastVerdict.OutsideForecast;
            }

            checks.Add(new ForecastCheck(f.Key, kpi.Name + (f.IsChange ? " (change)" : " (after)"), f.Low, f.High, actual, low, high, verdict, f.IsChange ? "forecast change against the measured change" : "forecast value against the measured after value"));
        }

        if (forecast.Savings is { } savings)
        {
            double years = afterDays / 365.25;
            double point = savings.PerYear * years;
            double fLow = (savings.LowPerYear ?? savings.PerYear) * years, fHigh = (savings.HighPerYear ?? savings.PerYear) * years;
            var cost = kpis.FirstOrDefault(k => k.Kpi.Measure.Kind == KpiKind.CostPerCase);
            string unit = string.IsNullOrEmpty(savings.Currency) ? string.Empty : $" ({savings.Currency})";
            if (cost is null || cost.Verdict == Verdict.NotMeasured)
            {
                checks.Add(new ForecastCheck("savings", "Savings to date" + unit, fLow, fHigh, double.NaN, double.NaN, double.NaN, ForecastVerdict.NotMeasured, "realised savings need cost per case (give the rates)"));
            }
            else
            {
                double realised = -cost.Difference * afterCases;
                double low = -cost.High * afterCases, high = -cost.Low * afterCases;
                checks.Add(new ForecastCheck("savings", "Savings to date" + unit, fLow, fHigh, realised, low, high, Overlap(low, high, fLow, fHigh, true, againstNone: true),
                    $"(cost per case before - after) x {afterCases:N0} cases over {afterDays:0} days, against {point:N0} forecast for that time"));
            }
        }

        return checks;
    }

    // A forecast KPI that was not monitored is still named in words (cost_per_case is "Cost per case").
    private static string NameOf(string key) => KpiMeasure.TryParse(key, out var measure, out _) ? measure.DefaultName : key;

    private static ForecastVerdict Overlap(double low, double high, double fLow, double fHigh, bool higherIsBetter, bool againstNone)
    {
        if (double.IsNaN(low) || double.IsNaN(high))
        {
            return ForecastVerdict.NotMeasured;
        }

        if (high < fLow)
        {
            return higherIsBetter ? ForecastVerdict.ShortOfForecast : ForecastVerdict.BetterThanForecast;
        }

        if (low > fHigh)
        {
            return higherIsBetter ? ForecastVerdict.BetterThanForecast : ForecastVerdict.ShortOfForecast;
        }

        // A change forecast away from zero, against an actual change that may be zero: the overlap proves nothing yet.
        bool actualHoldsNone = low <= 0 && high >= 0, forecastHoldsNone = fLow <= 0 && fHigh >= 0;
        return againstNone && actualHoldsNone && !forecastHoldsNone ? ForecastVerdict.CannotTell : ForecastVerdict.AsForecast;
    }
}
