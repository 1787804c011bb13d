namespace Stepwise.Statistics.Targets;

/// <summary>What a quality measure reports.</summary>
public enum QualityMetric
{
    /// <summary>CSAT: the share of satisfied answers (top-2-box of the satisfaction question, or a yes outcome), 0..1.</summary>
    CsatPercent,

    /// <summary>The mean score, in the units of the scale.</summary>
    MeanScore,

    /// <summary>The share of answers in the top two points of the scale, 0..1.</summary>
    TopTwoBox,

    /// <summary>Net Promoter Score, -100..100, from 0-10 likelihood-to-recommend answers.</summary>
    NetPromoterScore,

    /// <summary>Customer Effort Score: the mean effort score (lower is better on the usual wording).</summary>
    CustomerEffortScore,

    /// <summary>The share of contacts resolved at first contact (a yes/no outcome), 0..1.</summary>
    FirstContactResolution,

    /// <summary>The mean response or handling time, in the units of the measure.</summary>
    ResponseTime,

    /// <summary>The mean quality-assurance scorecard score, in the units of the scorecard.</summary>
    QaScore,
}
