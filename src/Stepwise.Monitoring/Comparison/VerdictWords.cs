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

    /// <summary>Whether the verdict reports a significant change.</summary>
    public static bool IsChange(Verdict verdict) => verdict is Verdict.Improved or Verdict.Worse or Verdict.Increased or Verdict.Decreased;
}
