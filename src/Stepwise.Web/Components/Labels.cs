using System.Globalization;
using System.Text;

namespace Stepwise.Web.Components;

/// <summary>How the pages write names, times, money and enum values for people, the same on every page.</summary>
public static class Labels
{
    /// <summary>A request field as a user reads it: <c>on_behalf_reason</c> → "On-behalf reason", <c>time_window.from</c> → "Time window from".</summary>
    public static string Field(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string words = field switch
        {
            "on_behalf_reason" => "on-behalf reason",
            "display_name" => "display name",
            _ => field.Replace('_', ' ').Replace('.', ' ').Replace('[', ' ').Replace("]", string.Empty, StringComparison.Ordinal),
        };
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>An enum value in words: <c>SeniorManagers</c> → "Senior managers".</summary>
    public static string Words<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>An instant as people read it, in UTC so everyone sees the same: "2 Mar 2026 09:00 UTC".</summary>
    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A date: "2 Mar 2026".</summary>
    public static string Date(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>An amount of money with thousands separators and no currency assumed: "25,000".</summary>
    public static string Money(decimal amount) => amount.ToString("#,##0.##", CultureInfo.InvariantCulture);

    /// <summary>A cost in whole units with its currency when known: "6,984 EUR"; a cost that rounds to nothing is still a
    /// cost (a step of a few seconds at an hourly rate), so it reads "&lt; 1 EUR", never "0 EUR".</summary>
    public static string WholeMoney(double amount, string? currency)
        => (amount is > 0 and < 0.5 ? "< 1" : amount.ToString("N0", CultureInfo.InvariantCulture)) + (currency is { Length: > 0 } ? " " + currency : string.Empty);

    /// <summary>The first characters of a content hash, enough to compare by eye.</summary>
    public static string ShortHash(string hex) => hex.Length > 12 ? hex[..12] : hex;

    /// <summary>
    /// Who raised a question, as a manager knows them: a question the step assessment generated is stored as raised by
    /// the command that runs it ("stepwise steps (generated from the evidence)") and reads "the step assessment
    /// (generated from the evidence)"; the questions of the question book read "the question book"; a person as named.
    /// </summary>
    public static string RaisedBy(string raisedBy)
    {
        ArgumentNullException.ThrowIfNull(raisedBy);
        const string Assessment = "stepwise steps";
        if (raisedBy.StartsWith(Assessment, StringComparison.Ordinal))
        {
            return "the step assessment" + raisedBy[Assessment.Length..];
        }

        return raisedBy == "question book" ? "the question book" : raisedBy;
    }

    /// <summary>A count with thousands separators, as every page writes one: "7,258".</summary>
    public static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with one decimal, as every page writes one beside another: 0.124 → "12.4%",
    /// 0.13 → "13.0%", so that percentages side by side have the same decimals.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A share as a percentage with <paramref name="decimals"/> decimals: 0.16667 with 2 → "16.67%".</summary>
    public static string Percent(double share, int decimals)
    {
        int d = Math.Clamp(decimals, 0, 6);
        return (share * 100).ToString(d == 0 ? "0" : "0." + new string('0', d), CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>
    /// The decimals (one at least, four at most) that percentages need to show on which side of <paramref name="split"/>
    /// each value lies: 16.66% beside a split of 16.67% needs two, where one would print both "16.7%". A value equal to
    /// the split is written as the split is.
    /// </summary>
    public static int PercentDecimalsApart(IEnumerable<double> shares, double split)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var values = shares.Where(double.IsFinite).ToList();
        int decimals = 1;
        while (decimals < 4 && values.Any(v => v != split && Percent(v, decimals) == Percent(split, decimals)))
        {
            decimals++;
        }

        return decimals;
    }

    /// <summary>"1 case", "2 cases".</summary>
    public static string Count(long n, string one, string many) => Stepwise.Workbench.Counted.Of(n, one, many);
}
