using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>The options a monitoring run used, so that it can be run again and give the same numbers.</summary>
public sealed record MonitoringSettings
{
    /// <summary>The confidence level of the intervals.</summary>
    public double Confidence { get; init; }

    /// <summary>How p-values were adjusted across the KPIs: holm, benjamini_hochberg or none.</summary>
    public required string Adjustment { get => field; init => field = Guard.Text(value, "Adjustment", 50); }

    /// <summary>The bootstrap's seed.</summary>
    public long Seed { get; init; }

    /// <summary>Bootstrap resamples.</summary>
    public int Resamples { get; init; }

    /// <summary>How medians were compared: bootstrap or hodges_lehmann.</summary>
    public required string QuantileTest { get => field; init => field = Guard.Text(value, "Quantile test", 50); }

    /// <summary>The smallest change that matters, relative to the before value, for KPIs without their own.</summary>
    public double MeaningfulChange { get; init; }

    /// <summary>For rates, the smallest change that matters in absolute terms.</summary>
    public double MeaningfulRateChange { get; init; }

    /// <summary>Control-chart points and volume per week or day.</summary>
    public required string Interval { get => field; init => field = Guard.Text(value, "Interval", 10); }

    /// <summary>The mix attribute, or null.</summary>
    public string? MixBy { get => field; init => field = Guard.OptionalText(value, "Mix attribute", 200); }

    /// <summary>Settling-in period left out after the change, in days.</summary>
    public double SettlingInDays { get; init; }

    /// <summary>Which time of a case decided its period: start, end or contained.</summary>
    public required string AssignBy { get => field; init => field = Guard.Text(value, "Assignment", 20); }

    /// <summary>How many steps' waiting times the standard KPIs include.</summary>
    public int WaitingSteps { get; init; }

    /// <summary>The fewest values each period needs for a KPI to be compared.</summary>
    public int MinValues { get; init; }

    /// <summary>The KPIs asked for instead of the standard set, or empty for the standard set.</summary>
    public IReadOnlyList<string> Kpis { get => field; init => field = Guard.List(value, "KPIs"); } = [];

    /// <summary>The filter applied on top of the scope, in words, or null.</summary>
    public string? Filter { get; init; }

    /// <summary>How durations were measured, in words.</summary>
    public required string Durations { get => field; init => field = Guard.Text(value, "Durations"); }

    /// <summary>The survey file whose scores were monitored as satisfaction, or null when none was given.</summary>
    public string? Feedback { get => field; init => field = Guard.OptionalText(value, "Feedback file", 400); }

    /// <summary>The SHA-256 of the survey file, or null.</summary>
    public ContentHash? FeedbackHash { get; init; }

    /// <summary>How responses were linked to cases, in words (by case id, else by customer within a window), or null.</summary>
    public string? FeedbackLink { get => field; init => field = Guard.OptionalText(value, "Feedback link", 400); }

    /// <summary>How first-contact resolution was read: attribute, no_repeat_contact, one_handler_no_rework or none;
    /// null for runs made before it was recorded.</summary>
    public string? FirstContact { get => field; init => field = Guard.OptionalText(value, "First-contact method", 50); }

    /// <summary>The first-contact attribute or the customer attribute it was read from, or null.</summary>
    public string? FirstContactAttribute { get => field; init => field = Guard.OptionalText(value, "First-contact attribute", 200); }

    /// <summary>The event attribute hand-overs and ping-pong were counted between (org:resource for people, org:group
    /// for teams); null for runs made before it was recorded, which counted them between org:resource.</summary>
    public string? HandoverBy { get => field; init => field = Guard.OptionalText(value, "Hand-over attribute", 200); }

    /// <summary>The currency of the rates cost per case was measured in, or null (none given, or the rates name none).</summary>
    public string? Currency { get => field; init => field = Guard.OptionalText(value, "Currency", 20); }
}
