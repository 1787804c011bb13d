using System.Globalization;

namespace Stepwise.Statistics.Control;

/// <summary>Labels of periods, which sort in time order as text.</summary>
public static class PeriodLabels
{
    /// <summary>The label of the period holding <paramref name="date"/>.</summary>
    public static string Of(DateTime date, Period period) => period switch
    {
        Period.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}"),
        Period.Quarter => string.Create(CultureInfo.InvariantCulture, $"{date.Year}-Q{((date.Month - 1) / 3) + 1}"),
        Period.Year => date.Year.ToString(CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };
}
