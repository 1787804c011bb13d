namespace Stepwise.Monitoring.Comparison;

/// <summary>Verdicts as the reports write them.</summary>
public static class VerdictWords
{
    /// <summary>The verdict in words: <c>improved</c>, <c>worse</c>, <c>increased</c>, <c>decreased</c>,
    /// <c>no detectable change</c>, <c>undecided</c>, <c>not measured</c>.</summary>
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Improved => "improved",
        Verdict.Worse => "worse",
        Verdict.Increased => "increased",
        Verdict.Decreased => "decreased",
        Verdict.NoDetectableChange => "no detectable change",
        Verdict.Undecided => "undecided",
        _ => "not measured",
    };

    /// <summary>Whether a KPI's interval leaves out no change while its verdict is no clear change: the change is clear
    /// on its own, but not once the KPIs tested together are allowed for (the interval is the KPI's own, the verdict
    /// comes from the adjusted p-value).</summary>
    /// <param name="verdict">The KPI's verdict.</param>
    /// <param name="low">The lower bound of the change's own interval.</param>
    /// <param name="high">The upper bound of the change's own interval.</param>
    /// <param name="tested">How many KPIs were tested together.</param>
    public static bool ClearOnlyAlone(Verdict verdict, double low, double high, int tested)
        => verdict is Verdict.NoDetectableChange or Verdict.Undecided && tested > 1 && (low > 0 || high < 0);

    /// <summary>The verdict for a table: "not clear allowing for 12 KPIs" where the interval alone leaves out no
    /// change (see <see cref="ClearOnlyAlone"/>), otherwise the verdict alone.</summary>
    /// <param name="verdict">The KPI's verdict.</param>
    /// <param name="low">The lower bound of the change's own interval.</param>
    /// <param name="high">The upper bound of the change's own interval.</param>
    /// <param name="tested">How many KPIs were tested together.</param>
    public static string Of(Verdict verdict, double low, double high, int tested)
        => ClearOnlyAlone(verdict, low, high, tested) ? $"not clear allowing for {tested} KPIs" : Of(verdict);

    /// <summary>Whether the verdict reports a significant change.</summary>
    public static bool IsChange(Verdict verdict) => verdict is Verdict.Improved or Verdict.Worse or Verdict.Increased or Verdict.Decreased;
}
