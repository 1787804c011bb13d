using System.Globalization;
using Stepwise.Mining.Filtering;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Logs;

/// <summary>
/// Which cases of a log to keep: a time window, attribute values (channels, case types, ...), start and end
/// activities, activities present or absent, the most frequent variants, a throughput-time range, and a saved filter
/// file. All conditions must hold. Field names match the command line's options (<c>where_not</c> is <c>--where-not</c>).
/// </summary>
public sealed record LogFilterRequest
{
    /// <summary>No filter: every case.</summary>
    public static LogFilterRequest None { get; } = new();

    /// <summary>The start of a time window (ISO-8601).</summary>
    public string? From { get; init; }

    /// <summary>The end of the window (exclusive).</summary>
    public string? To { get; init; }

    /// <summary>How cases relate to the window: intersecting (default), starting, ending or contained.</summary>
    public string? Window { get; init; }

    /// <summary>Keep cases where an attribute has one of the values: <c>channel=phone,email</c>.</summary>
    public IReadOnlyList<string> Where { get; init; } = [];

    /// <summary>Drop cases where an attribute has one of the values.</summary>
    public IReadOnlyList<string> WhereNot { get; init; } = [];

    /// <summary>Keep cases whose first activity is one of these.</summary>
    public IReadOnlyList<string> StartsWith { get; init; } = [];

    /// <summary>Keep cases whose last activity is one of these.</summary>
    public IReadOnlyList<string> EndsWith { get; init; } = [];

    /// <summary>Keep cases containing each of these activities.</summary>
    public IReadOnlyList<string> Contains { get; init; } = [];

    /// <summary>Keep cases containing none of these activities.</summary>
    public IReadOnlyList<string> NotContains { get; init; } = [];

    /// <summary>Keep the cases of the N most frequent variants.</summary>
    public int? TopVariants { get; init; }

    /// <summary>Keep cases taking at least this long (e.g. 90m, 4h, 2d).</summary>
    public string? MinDuration { get; init; }

    /// <summary>Keep cases taking at most this long.</summary>
    public string? MaxDuration { get; init; }

    /// <summary>A JSON file of case filters (as a review's agreed scope is stored).</summary>
    public string? FilterFile { get; init; }

    /// <summary>Whether any condition is set.</summary>
    public bool IsEmpty => From is null && To is null && Where.Count == 0 && WhereNot.Count == 0 && StartsWith.Count == 0 && EndsWith.Count == 0
        && Contains.Count == 0 && NotContains.Count == 0 && TopVariants is null && MinDuration is null && MaxDuration is null && FilterFile is null;

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        _ = Build(v, readFile: false);
        return v;
    }

    /// <summary>The engine's filter for this request, or null when it keeps every case.</summary>
    /// <exception cref="StepwiseException">A field is not valid, or the filter file cannot be read.</exception>
    public CaseFilter? ToFilter()
    {
        var v = new Validation();
        var filter = Build(v, readFile: true);
        v.ThrowIfAny();
        return filter;
    }

    private CaseFilter? Build(Validation v, bool readFile)
    {
        var filters = new List<CaseFilter>();
        if (!string.IsNullOrWhiteSpace(FilterFile) && readFile)
        {
            filters.Add(Logs.FilterFile.Read(FilterFile));
        }

        var from = v.Instant("from", From);
        var to = v.Instant("to", To);
        var mode = Mode(v);
        if (from is { } f && to is { } t && t <= f)
        {
            v.Add("to", $"must be after --from ({From}).");
        }

        if (from is not null || to is not null)
        {
            filters.Add(new TimeWindowFilter(from, to, mode));
        }
        else if (Window is not null && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            v.Add("window", "needs --from or --to.");
        }

        filters.AddRange(Attributes(v, "where", Where, exclude: false));
        filters.AddRange(Attributes(v, "where_not", WhereNot, exclude: true));
        v.Texts("starts_with", StartsWith).Texts("ends_with", EndsWith).Texts("contains", Contains).Texts("not_contains", NotContains);
        if (StartsWith.Count > 0)
        {
            filters.Add(new StartActivityFilter(StartsWith));
        }

        if (EndsWith.Count > 0)
        {
            filters.Add(new EndActivityFilter(EndsWith));
        }

        filters.AddRange(Contains.Select(a => new ActivityPresenceFilter(a, true)));
        filters.AddRange(NotContains.Select(a => new ActivityPresenceFilter(a, false)));
        v.Between("top_variants", TopVariants, 1, 1_000_000);
        if (TopVariants is { } top)
        {
            filters.Add(new VariantFilter(Top: top));
        }

        var min = v.Duration("min_duration", MinDuration);
        var max = v.Duration("max_duration", MaxDuration);
        if (min is { } lo && max is { } hi && hi < lo)
        {
            v.Add("max_duration", $"must be at least --min-duration ({MinDuration}).");
        }

        if (min is not null || max is not null)
        {
            filters.Add(new ThroughputTimeFilter(min, max));
        }

        return filters.Count switch
        {
            0 => null,
            1 => filters[0],
            _ => new AllOfFilter(filters),
        };
    }

    private TimeWindowMode Mode(Validation v)
    {
        switch (Window?.Trim().ToLowerInvariant())
        {
            case null or "" or "intersecting":
                return TimeWindowMode.Intersecting;
            case "starting":
                return TimeWindowMode.Starting;
            case "ending":
                return TimeWindowMode.Ending;
            case "contained":
                return TimeWindowMode.Contained;
            default:
                v.Add("window", $"'{Window}' must be intersecting, starting, ending or contained.");
                return TimeWindowMode.Intersecting;
        }
    }

    private static IEnumerable<CaseFilter> Attributes(Validation v, string field, IReadOnlyList<string> clauses, bool exclude)
    {
        var result = new List<CaseFilter>();
        for (int i = 0; i < clauses.Count; i++)
        {
            string name = clauses.Count == 1 ? field : $"{field}[{(i + 1).ToString(CultureInfo.InvariantCulture)}]";
            if (ParseCondition(clauses[i]) is { } condition)
            {
                result.Add(new AttributeFilter(condition.Attribute, condition.Values, exclude));
            }
            else
            {
                v.Add(name, $"'{clauses[i]}' must be ATTRIBUTE=VALUE[,VALUE...], e.g. channel=phone,email.");
            }
        }

        return result;
    }

    /// <summary>Reads <c>ATTRIBUTE=VALUE[,VALUE...]</c>, or null when the text is not of that form.</summary>
    public static (string Attribute, IReadOnlyList<string> Values)? ParseCondition(string? clause)
    {
        if (clause is null)
        {
            return null;
        }

        int eq = clause.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return null;
        }

        var values = clause[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string attribute = clause[..eq].Trim();
        return attribute.Length == 0 || values.Length == 0 ? null : (attribute, values);
    }
}
