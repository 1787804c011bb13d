using System.Globalization;

namespace Stepwise.Statistics.Control;

/// <summary>The length of the periods a trend is grouped into.</summary>
public enum Period
{
    /// <summary>ISO weeks (<c>2023-W07</c>).</summary>
    Week,

    /// <summary>Calendar months (<c>2023-11</c>).</summary>
    Month,

    /// <summary>Calendar quarters (<c>2023-Q4</c>).</summary>
    Quarter,

    /// <summary>Calendar years (<c>2023</c>).</summary>
    Year,
}

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
