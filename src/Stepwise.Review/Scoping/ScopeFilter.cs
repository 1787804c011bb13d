using Stepwise.Mining.Filtering;
using Stepwise.Review.Common;

namespace Stepwise.Review.Scoping;

/// <summary>
/// The process boundaries as a filter over an event log, so every analysis runs on exactly the agreed cases. All
/// conditions must hold; an empty list or a null value means no condition of that sort.
/// </summary>
public sealed record ScopeFilter
{
    /// <summary>A filter that keeps every case.</summary>
    public static ScopeFilter Everything { get; } = new();

    /// <summary>Cases must start with one of these activities.</summary>
    public IReadOnlyList<string> StartActivities { get => field; init => field = Guard.Names(value, "Start activity"); } = [];

    /// <summary>Cases must end with one of these activities.</summary>
    public IReadOnlyList<string> EndActivities { get => field; init => field = Guard.Names(value, "End activity"); } = [];

    /// <summary>Cases must contain every one of these activities.</summary>
    public IReadOnlyList<string> ContainsActivities { get => field; init => field = Guard.Names(value, "Required activity"); } = [];

    /// <summary>Cases must contain none of these activities.</summary>
    public IReadOnlyList<string> ExcludesActivities { get => field; init => field = Guard.Names(value, "Excluded activity"); } = [];

    /// <summary>Conditions on case attributes such as channel or case type.</summary>
    public IReadOnlyList<AttributeCondition> Attributes { get => field; init => field = Guard.List(value, "Scope attributes"); } = [];

    /// <summary>Keep only the cases of the N most frequent variants (paths), or null.</summary>
    public int? TopVariants { get => field; init => field = value is { } v ? Guard.Range(v, 1, 1_000_000, "Top variants in scope") : null; }

    /// <summary>Keep only the cases whose path is one of these activity sequences; empty for any path.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Variants
    {
        get => field;
        init => field = [.. Guard.List(value, "Variants in scope").Select(v => v is null || v.Count == 0 ? throw new ReviewRuleException("A variant in scope lists no activities.") : (IReadOnlyList<string>)[.. v.Select(a => Guard.Text(a, "Variant activity", 400))])];
    } = [];

    /// <summary>The period the review covers, or null for all time.</summary>
    public TimeWindow? Window { get; init; }

    /// <summary>Shortest case throughput time kept, or null.</summary>
    public TimeSpan? MinThroughput { get => field; init => field = value < TimeSpan.Zero ? throw new ReviewRuleException("The shortest throughput time in scope cannot be negative.") : value; }

    /// <summary>Longest case throughput time kept, or null.</summary>
    public TimeSpan? MaxThroughput
    {
        get => field;
        init
        {
            if (value < TimeSpan.Zero)
            {
                throw new ReviewRuleException("The longest throughput time in scope cannot be negative.");
            }

            field = value;
        }
    }

    /// <summary>Checks conditions that involve several fields.</summary>
    /// <exception cref="ReviewRuleException">The throughput range is empty, or an activity is both required and excluded.</exception>
    public ScopeFilter Checked()
    {
        if (MinThroughput is { } min && MaxThroughput is { } max && max < min)
        {
            throw new ReviewRuleException($"The scope's throughput range is empty (shortest {min}, longest {max}).");
        }

        foreach (var activity in ContainsActivities)
        {
            if (ExcludesActivities.Contains(activity, StringComparer.Ordinal))
            {
                throw new ReviewRuleException($"Activity '{activity}' is both required and excluded by the scope.");
            }
        }

        return this;
    }

    /// <summary>
    /// The engine's case filter for these boundaries: every condition, applied in the order start, end, required,
    /// excluded activities, attributes, time window, throughput time, variants.
    /// </summary>
    public CaseFilter ToCaseFilter()
    {
        Checked();
        var filters = new List<CaseFilter>();
        if (StartActivities.Count > 0)
        {
            filters.Add(new StartActivityFilter(StartActivities));
        }

        if (EndActivities.Count > 0)
        {
            filters.Add(new EndActivityFilter(EndActivities));
        }

        filters.AddRange(ContainsActivities.Select(a => new ActivityPresenceFilter(a, Present: true)));
        filters.AddRange(ExcludesActivities.Select(a => new ActivityPresenceFilter(a, Present: false)));
        filters.AddRange(Attributes.Select(a => new AttributeFilter(a.Attribute, a.Values, a.Exclude)));
        if (Window is { } window)
        {
            filters.Add(new TimeWindowFilter(window.From, window.To, window.Mode switch
            {
                Scoping.TimeWindowMode.Starting => Mining.Filtering.TimeWindowMode.Starting,
                Scoping.TimeWindowMode.Ending => Mining.Filtering.TimeWindowMode.Ending,
                Scoping.TimeWindowMode.Contained => Mining.Filtering.TimeWindowMode.Contained,
                _ => Mining.Filtering.TimeWindowMode.Intersecting,
            }));
        }

        if (MinThroughput is not null || MaxThroughput is not null)
        {
            filters.Add(new ThroughputTimeFilter(MinThroughput, MaxThroughput));
        }

        if (Variants.Count > 0)
        {
            filters.Add(new VariantFilter(Sequences: Variants));
        }

        if (TopVariants is { } top)
        {
            filters.Add(new VariantFilter(Top: top));
        }

        return new AllOfFilter(filters);
    }
}
