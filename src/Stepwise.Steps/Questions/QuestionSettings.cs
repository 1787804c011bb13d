namespace Stepwise.Steps.Questions;

/// <summary>The thresholds at which evidence raises a question. Each can be set in a settings file or on the command line.</summary>
public sealed record QuestionSettings
{
    /// <summary>Steps with fewer cases raise no questions.</summary>
    public int MinCases { get; init; } = 10;

    /// <summary>Ask about rework when at least this share of a step's cases come back to it after another step.</summary>
    public double ReworkShare { get; init; } = 0.10;

    /// <summary>Ask about waiting when the median wait before a step is at least this long.</summary>
    public TimeSpan WaitingMedian { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Ask about waiting when waiting is at least this share of the step's time (wait plus handling), where
    /// handling time is known.</summary>
    public double WaitingShare { get; init; } = 0.8;

    /// <summary>Ask about bounces when work bounces back at the step in at least this share of its cases.</summary>
    public double BounceShare { get; init; } = 0.05;

    /// <summary>Ask about hand-overs when at least this share of the step's instances are handed over ...</summary>
    public double HandoverShare { get; init; } = 0.5;

    /// <summary>... and waiting after a hand-over is at least this many times the waiting without one.</summary>
    public double HandoverWaitRatio { get; init; } = 2.0;

    /// <summary>Ask about cost for value when a step that is not value-adding has at least this share of the total cost.</summary>
    public double CostShare { get; init; } = 0.10;

    /// <summary>Ask about satisfaction when a flagged gap is at most minus this many points (0: every flagged negative gap).</summary>
    public double SatisfactionGap { get; init; }

    /// <summary>Ask about violations when a rule's compliance rate at a step is below this.</summary>
    public double ComplianceRate { get; init; } = 0.95;

    /// <summary>Ask about variation when the slowest resource's median is at least this many times the fastest's ...</summary>
    public double ResourceSpread { get; init; } = 3.0;

    /// <summary>... counting resources with at least this many instances of the step (and at least two of them).</summary>
    public int ResourceMinInstances { get; init; } = 20;

    /// <summary>Ask about automation when a step's median handling time is at most this ...</summary>
    public TimeSpan AutomateHandling { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>... and it has at least this many instances.</summary>
    public int AutomateInstances { get; init; } = 100;

    /// <summary>Ask about combining two steps when one directly follows the other in at least this share of both's instances.</summary>
    public double CombineShare { get; init; } = 0.9;

    /// <summary>When a step's wait counts as set by a timer (a rule of the system): its questions then ask whether the
    /// rule is right instead of treating the wait as work.</summary>
    public Evidence.TimerDetection Timers { get; init; } = Evidence.TimerDetection.Default;

    /// <summary>The names of the settings, as written in a settings file and in <c>--threshold NAME=VALUE</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "min_cases", "rework_share", "waiting_median", "waiting_share", "bounce_share", "handover_share", "handover_wait_ratio",
        "cost_share", "satisfaction_gap", "compliance_rate", "resource_spread", "resource_min_instances", "automate_handling",
        "automate_instances", "combine_share", "timer_share", "timer_variation", "timer_min_waits", "timer_min_duration",
    ];

    /// <summary>Sets one threshold by its name.</summary>
    /// <returns>The changed settings, or null when the value does not suit the threshold (the caller reports it).</returns>
    /// <exception cref="ArgumentException">There is no threshold of that name.</exception>
    public QuestionSettings? With(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        double? number = Files.YamlFile.ParseNumber(value);
        TimeSpan? duration = Files.YamlFile.ParseDuration(value);
        bool share = number is >= 0 and <= 1;
        bool positive = number is > 0;
        bool whole = number is >= 0 && number == Math.Floor(number.Value);
        return name switch
        {
            "min_cases" => whole ? this with { MinCases = (int)number!.Value } : null,
            "rework_share" => share ? this with { ReworkShare = number!.Value } : null,
            "waiting_median" => duration is { } w ? this with { WaitingMedian = w } : null,
            "waiting_share" => share ? this with { WaitingShare = number!.Value } : null,
            "bounce_share" => share ? this with { BounceShare = number!.Value } : null,
            "handover_share" => share ? this with { HandoverShare = number!.Value } : null,
            "handover_wait_ratio" => positive ? this with { HandoverWaitRatio = number!.Value } : null,
            "cost_share" => share ? this with { CostShare = number!.Value } : null,
            "satisfaction_gap" => number is >= 0 ? this with { SatisfactionGap = number.Value } : null,
            "compliance_rate" => share ? this with { ComplianceRate = number!.Value } : null,
            "resource_spread" => number is >= 1 ? this with { ResourceSpread = number.Value } : null,
            "resource_min_instances" => whole && number > 0 ? this with { ResourceMinInstances = (int)number!.Value } : null,
            "automate_handling" => duration is { } h ? this with { AutomateHandling = h } : null,
            "automate_instances" => whole ? this with { AutomateInstances = (int)number!.Value } : null,
            "combine_share" => share ? this with { CombineShare = number!.Value } : null,
            "timer_share" => number is > 0 and <= 1 ? this with { Timers = Timers with { MinShare = number.Value } } : null,
            "timer_variation" => number is >= 0 ? this with { Timers = Timers with { MaxVariation = number.Value } } : null,
            "timer_min_waits" => whole && number > 0 ? this with { Timers = Timers with { MinWaits = (int)number!.Value } } : null,
            "timer_min_duration" => duration is { } t && t > TimeSpan.Zero ? this with { Timers = Timers with { MinDuration = t } } : null,
            _ => throw new ArgumentException($"There is no threshold '{name}'; the thresholds are: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>What a threshold's value must be, for messages.</summary>
    public static string Expected(string name) => name switch
    {
        "min_cases" or "resource_min_instances" or "automate_instances" => "a whole number",
        "timer_min_waits" => "a whole number above 0",
        "waiting_median" or "automate_handling" => "a duration such as 90m, 4h or 2d",
        "timer_min_duration" => "a duration longer than zero, such as 1h",
        "timer_share" => "a share above 0, up to 1",
        "timer_variation" => "a coefficient of variation, 0 or more (e.g. 0.1)",
        "handover_wait_ratio" => "a number above 0",
        "resource_spread" => "a number of at least 1",
        "satisfaction_gap" => "a number of points, 0 or more",
        _ => "a share between 0 and 1",
    };
}
