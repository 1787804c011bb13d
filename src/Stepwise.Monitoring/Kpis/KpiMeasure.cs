using System.Diagnostics.CodeAnalysis;

namespace Stepwise.Monitoring.Kpis;

/// <summary>
/// What a KPI measures on a log, written as a short key that a monitoring plan can store as text:
/// <c>throughput_median</c>, <c>throughput_p90</c>, <c>throughput_mean</c>, <c>waiting_median:STEP</c>,
/// <c>waiting_p90:STEP</c>, <c>waiting_mean:STEP</c>, <c>volume</c>, <c>rework_rate</c>, <c>handovers_per_case</c>,
/// <c>ping_pong_rate</c>,
/// <c>first_contact_resolution</c>, <c>breach_rate</c> or <c>breach_rate:RULE</c>, <c>cost_per_case</c>,
/// <c>satisfaction</c>, <c>share_with:STEP</c>, <c>events_per_case</c>, <c>mean:ATTRIBUTE</c> and
/// <c>share:ATTRIBUTE=VALUE|VALUE</c>. <see cref="Parse"/> reads a key, <see cref="Key"/> writes it back.
/// </summary>
public sealed record KpiMeasure
{
    private static readonly (string Prefix, KpiKind Kind, bool Subject)[] Forms =
    [
        ("throughput_median", KpiKind.ThroughputMedian, false),
        ("throughput_p90", KpiKind.ThroughputP90, false),
        ("throughput_mean", KpiKind.ThroughputMean, false),
        ("waiting_median", KpiKind.WaitingMedian, true),
        ("waiting_p90", KpiKind.WaitingP90, true),
        ("waiting_mean", KpiKind.WaitingMean, true),
        ("volume", KpiKind.Volume, false),
        ("rework_rate", KpiKind.ReworkRate, false),
        ("handovers_per_case", KpiKind.HandoversPerCase, false),
        ("ping_pong_rate", KpiKind.PingPongRate, false),
        ("first_contact_resolution", KpiKind.FirstContactResolution, false),
        ("breach_rate", KpiKind.BreachRate, false),
        ("cost_per_case", KpiKind.CostPerCase, false),
        ("satisfaction", KpiKind.Satisfaction, false),
        ("share_with", KpiKind.StepShare, true),
        ("events_per_case", KpiKind.EventsPerCase, false),
        ("mean", KpiKind.AttributeMean, true),
        ("share", KpiKind.AttributeShare, true),
    ];

    /// <summary>Creates a measure.</summary>
    /// <param name="kind">What is measured.</param>
    /// <param name="subject">The step (waiting times, step shares), the rule id (breach rate; null for any rule) or the
    /// attribute (attribute means and shares); null for the other kinds.</param>
    /// <param name="values">For <see cref="KpiKind.AttributeShare"/>, the values counted; empty otherwise.</param>
    /// <exception cref="ArgumentException">The kind needs a subject or values it was not given, or was given one it does not take.</exception>
    public KpiMeasure(KpiKind kind, string? subject = null, IReadOnlyList<string>? values = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"'{kind}' is not a kind of KPI.", nameof(kind));
        }

        bool needsSubject = kind is KpiKind.WaitingMedian or KpiKind.WaitingP90 or KpiKind.WaitingMean or KpiKind.StepShare or KpiKind.AttributeMean or KpiKind.AttributeShare;
        bool takesSubject = needsSubject || kind == KpiKind.BreachRate;
        if (needsSubject && string.IsNullOrWhiteSpace(subject))
        {
            throw new ArgumentException($"The KPI '{Prefix(kind)}' needs a {SubjectWord(kind)}: write {Prefix(kind)}:{SubjectWord(kind).ToUpperInvariant()}.");
        }

        if (!takesSubject && subject is not null)
        {
            throw new ArgumentException($"The KPI '{Prefix(kind)}' takes nothing after its name; found '{subject}'.");
        }

        values ??= [];
        if (kind == KpiKind.AttributeShare && values.Count == 0)
        {
            throw new ArgumentException($"The KPI 'share:{subject}' needs the values counted: write share:{subject}=VALUE or share:{subject}=VALUE|VALUE.");
        }

        if (kind != KpiKind.AttributeShare && values.Count > 0)
        {
            throw new ArgumentException($"Only share:ATTRIBUTE=VALUE takes values; '{Prefix(kind)}' does not.");
        }

        Kind = kind;
        Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
        Values = [.. values.Select(v => v.Trim())];
    }

    /// <summary>What is measured.</summary>
    public KpiKind Kind { get; }

    /// <summary>The step, rule or attribute, or null.</summary>
    public string? Subject { get; }

    /// <summary>The attribute values counted by a share, or empty.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The key, e.g. <c>waiting_median:Assign seriousness</c>.</summary>
    public string Key => Prefix(Kind) + (Subject is null ? string.Empty : ":" + Subject) + (Values.Count == 0 ? string.Empty : "=" + string.Join('|', Values));

    /// <summary>How before and after are compared.</summary>
    public KpiFamily Family => Kind switch
    {
        KpiKind.ThroughputMedian or KpiKind.ThroughputP90 or KpiKind.WaitingMedian or KpiKind.WaitingP90 => KpiFamily.Quantile,
        KpiKind.ReworkRate or KpiKind.PingPongRate or KpiKind.FirstContactResolution or KpiKind.BreachRate or KpiKind.StepShare or KpiKind.AttributeShare => KpiFamily.Proportion,
        KpiKind.Volume => KpiFamily.Volume,
        _ => KpiFamily.Mean,
    };

    /// <summary>For quantile KPIs, the quantile (0.5 or 0.9); NaN otherwise.</summary>
    public double Quantile => Kind switch
    {
        KpiKind.ThroughputMedian or KpiKind.WaitingMedian => 0.5,
        KpiKind.ThroughputP90 or KpiKind.WaitingP90 => 0.9,
        _ => double.NaN,
    };

    /// <summary>Whether the KPI is measured on the waiting times before one step (one value per instance) rather than
    /// one value per case.</summary>
    public bool IsPerStepInstance => Kind is KpiKind.WaitingMedian or KpiKind.WaitingP90 or KpiKind.WaitingMean;

    /// <summary>The unit of the KPI's numbers.</summary>
    public KpiUnit Unit => Kind switch
    {
        KpiKind.ThroughputMedian or KpiKind.ThroughputP90 or KpiKind.ThroughputMean or KpiKind.WaitingMedian or KpiKind.WaitingP90 or KpiKind.WaitingMean => KpiUnit.Seconds,
        KpiKind.Volume => KpiUnit.CasesPerInterval,
        KpiKind.HandoversPerCase or KpiKind.EventsPerCase => KpiUnit.PerCase,
        KpiKind.CostPerCase => KpiUnit.Money,
        KpiKind.Satisfaction => KpiUnit.Score,
        KpiKind.AttributeMean => KpiUnit.Number,
        _ => KpiUnit.Share,
    };

    /// <summary>Which way is better unless a plan says otherwise.</summary>
    public KpiDirection DefaultDirection => Kind switch
    {
        KpiKind.FirstContactResolution or KpiKind.Satisfaction => KpiDirection.HigherIsBetter,
        KpiKind.Volume or KpiKind.StepShare or KpiKind.AttributeMean or KpiKind.AttributeShare => KpiDirection.None,
        _ => KpiDirection.LowerIsBetter,
    };

    /// <summary>The KPI's name in words, e.g. <c>Waiting before 'Resolve ticket', median</c>.</summary>
    public string DefaultName => Kind switch
    {
        KpiKind.ThroughputMedian => "Throughput time, median",
        KpiKind.ThroughputP90 => "Throughput time, 90th percentile",
        KpiKind.ThroughputMean => "Throughput time, mean",
        KpiKind.WaitingMedian => $"Waiting before '{Subject}', median",
        KpiKind.WaitingP90 => $"Waiting before '{Subject}', 90th percentile",
        KpiKind.WaitingMean => $"Waiting before '{Subject}', mean",
        KpiKind.Volume => "Volume (cases arriving per interval)",
        KpiKind.ReworkRate => "Rework rate (cases repeating a step)",
        KpiKind.HandoversPerCase => "Hand-overs per case",
        KpiKind.PingPongRate => "Ping-pong rate",
        KpiKind.FirstContactResolution => "First-contact resolution",
        KpiKind.BreachRate => Subject is null ? "Breach rate (cases breaking a rule)" : $"Breach rate of rule '{Subject}'",
        KpiKind.CostPerCase => "Cost per case",
        KpiKind.Satisfaction => "Satisfaction (mean linked score)",
        KpiKind.StepShare => $"Share of cases with '{Subject}'",
        KpiKind.EventsPerCase => "Events per case",
        KpiKind.AttributeMean => $"Mean of '{Subject}'",
        _ => $"Share of cases with {Subject} = {string.Join(" or ", Values)}",
    };

    /// <summary>Every key form, for messages and help.</summary>
    public static IReadOnlyList<string> KeyForms { get; } =
    [
        "throughput_median", "throughput_p90", "throughput_mean", "waiting_median:STEP", "waiting_p90:STEP", "waiting_mean:STEP",
        "volume", "rework_rate", "handovers_per_case", "ping_pong_rate", "first_contact_resolution", "breach_rate", "breach_rate:RULE",
        "cost_per_case", "satisfaction", "share_with:STEP", "events_per_case", "mean:ATTRIBUTE", "share:ATTRIBUTE=VALUE|VALUE",
    ];

    /// <summary>Reads a key such as <c>throughput_median</c> or <c>waiting_median:Resolve ticket</c>.</summary>
    /// <exception cref="FormatException">The text is not a key; the message lists the keys.</exception>
    public static KpiMeasure Parse(string text)
        => TryParse(text, out var measure, out string? error) ? measure : throw new FormatException(error);

    /// <summary>Reads a key; on failure <paramref name="error"/> says what was expected.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out KpiMeasure? measure, [NotNullWhen(false)] out string? error)
    {
        measure = null;
        string trimmed = (text ?? string.Empty).Trim();
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        string name = (colon < 0 ? trimmed : trimmed[..colon]).Trim().ToLowerInvariant();
        string? rest = colon < 0 ? null : trimmed[(colon + 1)..];
        foreach (var (prefix, kind, _) in Forms)
        {
            if (!string.Equals(prefix, name, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                if (kind == KpiKind.AttributeShare && rest is not null)
                {
                    int eq = rest.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        error = $"'{trimmed}': expected share:ATTRIBUTE=VALUE (or VALUE|VALUE).";
                        return false;
                    }

                    measure = new KpiMeasure(kind, rest[..eq], rest[(eq + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
                else
                {
                    measure = new KpiMeasure(kind, rest);
                }

                error = null;
                return true;
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
                return false;
            }
        }

        error = $"'{trimmed}' is not a KPI; use one of {string.Join(", ", KeyForms)}.";
        return false;
    }

    /// <inheritdoc />
    public bool Equals(KpiMeasure? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <inheritdoc />
    public override string ToString() => Key;

    private static string Prefix(KpiKind kind) => Forms.First(f => f.Kind == kind).Prefix;

    private static string SubjectWord(KpiKind kind) => kind switch
    {
        KpiKind.AttributeMean or KpiKind.AttributeShare => "attribute",
        KpiKind.BreachRate => "rule",
        _ => "step",
    };
}
