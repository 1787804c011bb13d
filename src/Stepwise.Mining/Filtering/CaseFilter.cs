using System.Text.Json.Serialization;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Filtering;

/// <summary>
/// A rule that selects cases of a log. Filters are plain data (they serialise to JSON with a <c>kind</c>), so the
/// agreed boundaries of a review can be stored and applied again to the same or newer data; applying one makes a
/// view without copying events.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TimeWindowFilter), "time-window")]
[JsonDerivedType(typeof(AttributeFilter), "attribute")]
[JsonDerivedType(typeof(VariantFilter), "variant")]
[JsonDerivedType(typeof(StartActivityFilter), "starts-with")]
[JsonDerivedType(typeof(EndActivityFilter), "ends-with")]
[JsonDerivedType(typeof(ActivityPresenceFilter), "activity")]
[JsonDerivedType(typeof(ThroughputTimeFilter), "throughput-time")]
[JsonDerivedType(typeof(AllOfFilter), "all")]
public abstract record CaseFilter
{
    /// <summary>The cases of <paramref name="view"/> that this filter keeps.</summary>
    /// <param name="view">The cases to filter.</param>
    /// <param name="measure">How durations are measured (throughput-time filters).</param>
    /// <exception cref="ArgumentException">The filter names an activity or attribute the log does not have.</exception>
    public abstract LogView Apply(LogView view, DurationMeasure? measure = null);

    /// <summary>A short description for people, e.g. "cases starting in 2016-01-01 .. 2016-03-31".</summary>
    public abstract string Describe();

    private protected static int[] ActivityIds(EventLog log, IReadOnlyList<string> names)
    {
        var ids = new int[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            ids[i] = log.ActivityNames.IdOf(names[i]);
            if (ids[i] < 0)
            {
                throw new ArgumentException($"The log has no activity '{names[i]}'. Its activities are: {string.Join(", ", log.ActivityNames)}.", nameof(names));
            }
        }

        return ids;
    }
}

/// <summary>How a case relates to a time window.</summary>
public enum TimeWindowMode
{
    /// <summary>The case starts within the window.</summary>
    Starting,

    /// <summary>The case ends within the window.</summary>
    Ending,

    /// <summary>The case starts and ends within the window.</summary>
    Contained,

    /// <summary>The case overlaps the window at all.</summary>
    Intersecting,
}

/// <summary>Cases by when they happen: a window <c>[From, To)</c> (either end open when null).</summary>
public sealed record TimeWindowFilter(DateTimeOffset? From, DateTimeOffset? To, TimeWindowMode Mode = TimeWindowMode.Intersecting) : CaseFilter
{
    /// <inheritdoc />
    public override LogView Apply(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        long from = From?.UtcTicks ?? long.MinValue, to = To?.UtcTicks ?? long.MaxValue;
        var log = view.Log;
        return view.Where(c =>
        {
            long start = log.CaseStartTime(c), end = log.CaseEndTime(c);
            return Mode switch
            {
                TimeWindowMode.Starting => start >= from && start < to,
                TimeWindowMode.Ending => end >= from && end < to,
                TimeWindowMode.Contained => start >= from && end < to,
                _ => start < to && end >= from,
            };
        });
    }

    /// <inheritdoc />
    public override string Describe() => $"cases {Mode.ToString().ToLowerInvariant()} in {From?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "..."} to {To?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "..."}";
}

/// <summary>
/// Cases by the values of an attribute (e.g. channel is phone or email). For a case attribute, the case's value; for
/// an event attribute (or the resource), any event of the case having one of the values. <see cref="Exclude"/>
/// inverts the selection.
/// </summary>
public sealed record AttributeFilter(string Attribute, IReadOnlyList<string> Values, bool Exclude = false) : CaseFilter
{
    /// <inheritdoc />
    public override LogView Apply(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var log = view.Log;
        var wanted = new HashSet<string>(Values, StringComparer.Ordinal);
        if (log.CaseAttributes.Find(Attribute) is not null)
        {
            var (codes, names) = AttributeCodes.ForCases(log, Attribute);
            var hit = names.Select(wanted.Contains).ToArray();
            return view.Where(c => (codes[c] >= 0 && hit[codes[c]]) != Exclude);
        }

        var (eventCodes, values) = AttributeCodes.ForEvents(log, Attribute);
        var match = values.Select(wanted.Contains).ToArray();
        return view.Where(c =>
        {
            bool any = false;
            for (int e = log.CaseStart(c); e < log.CaseEnd(c) && !any; e++)
            {
                any = eventCodes[e] >= 0 && match[eventCodes[e]];
            }

            return any != Exclude;
        });
    }

    /// <inheritdoc />
    public override string Describe() => $"cases {(Exclude ? "without" : "with")} {Attribute} in ({string.Join(", ", Values)})";
}

/// <summary>Cases that follow one of the given variants (sequences of activity names), or, with
/// <see cref="Top"/>, one of the most frequent variants.</summary>
public sealed record VariantFilter(IReadOnlyList<IReadOnlyList<string>>? Sequences = null, int? Top = null, bool Exclude = false) : CaseFilter
{
    /// <inheritdoc />
    public override LogView Apply(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var log = view.Log;
        var variants = VariantSet.Discover(view);
        var keep = new bool[variants.Count];
        if (Top is { } top)
        {
            for (int i = 0; i < Math.Min(top, keep.Length); i++)
            {
                keep[i] = true;
            }
        }

        if (Sequences is not null)
        {
            var wanted = Sequences.Select(s => string.Join('\u001f', s)).ToHashSet(StringComparer.Ordinal);
            for (int i = 0; i < variants.Count; i++)
            {
                keep[i] |= wanted.Contains(string.Join('\u001f', variants[i].Activities.Select(a => log.ActivityNames[a])));
            }
        }

        return view.Where(c => keep[variants.VariantOf(c)] != Exclude);
    }

    /// <inheritdoc />
    public override string Describe() => (Exclude ? "cases not in " : "cases in ") + (Top is { } t ? $"the {t} most frequent variants" : $"{Sequences?.Count ?? 0} chosen variants");
}

/// <summary>Cases whose first activity is one of <see cref="Activities"/>.</summary>
public sealed record StartActivityFilter(IReadOnlyList<string> Activities) : CaseFilter
{
    /// <inheritdoc />
    public override LogView Apply(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var ids = ActivityIds(view.Log, Activities);
        var log = view.Log;
        return view.Where(c => Array.IndexOf(ids, log.Activities[log.CaseStart(c)]) >= 0);
    }

    /// <inheritdoc />
    public override string Describe() => $"cases starting with {string.Join(" or ", Activities)}";
}

/// <summary>Cases whose last activity is one of <see cref="Activities"/>.</summary>
public sealed record EndActivityFilter(IReadOnlyList<string> Activities) : CaseFilter
{
    /// <inheritdoc />
    public override LogView Apply(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var ids = ActivityIds(view.Log, Activities);
        var log = view.Log;
        return view.Where(c => Array.IndexOf(ids, log.Activities[log.CaseEnd(c) - 1]) >= 0);
    }

    /// <inheritdoc />
    public override string Describe() => $"cases ending with {string.Join(" or ", Activities)}";
}

/// <summary>Cases that contain (or, with <see cref="Present"/> false, do not contain) an activity.</summary>
public sealed record ActivityPresenceFilter(string Activity, bool Present = true) : CaseFilter
{
    /// <inheritdoc />
    public override LogView Apply(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        int id = ActivityIds(view.Log, [Activity])[0];
        var log = view.Log;
        return view.Where(c => log.CaseActivities(c).Contains(id) == Present);
    }

    /// <inheritdoc />
    public override string Describe() => $"cases {(Present ? "containing" : "not containing")} {Activity}";
}

/// <summary>Cases whose throughput time is within <c>[Min, Max]</c> (either end open when null).</summary>
public sealed record ThroughputTimeFilter(TimeSpan? Min, TimeSpan? Max) : CaseFilter
{
    /// <inheritdoc />
    public override LogView Apply(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        measure ??= DurationMeasure.Elapsed;
        var log = view.Log;
        long min = Min?.Ticks ?? long.MinValue, max = Max?.Ticks ?? long.MaxValue;
        return view.Where(c =>
        {
            long t = measure.Between(log.CaseStartTime(c), log.CaseEndTime(c));
            return t >= min && t <= max;
        });
    }

    /// <inheritdoc />
    public override string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) => $"cases taking {Text(min)} to {Text(max)}",
        ({ } min, null) => $"cases taking at least {Text(min)}",
        (null, { } max) => $"cases taking at most {Text(max)}",
        _ => "cases of any duration",
    };

    /// <summary>A duration as people write it: "30d", "4h 30m", "90s".</summary>
    private static string Text(TimeSpan t)
    {
        if (t <= TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>(4);
        if (t.Days > 0)
        {
            parts.Add(t.Days.ToString(System.Globalization.CultureInfo.InvariantCulture) + "d");
        }

        if (t.Hours > 0)
        {
            parts.Add(t.Hours.ToString(System.Globalization.CultureInfo.InvariantCulture) + "h");
        }

        if (t.Minutes > 0)
        {
            parts.Add(t.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m");
        }

        if (t.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(t.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "s");
        }

        return string.Join(" ", parts);
    }
}

/// <summary>Cases kept by every one of <see cref="Filters"/> (applied in order).</summary>
public sealed record AllOfFilter(IReadOnlyList<CaseFilter> Filters) : CaseFilter
{
    /// <inheritdoc />
    public override LogView Apply(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var filter in Filters)
        {
            view = filter.Apply(view, measure);
        }

        return view;
    }

    /// <inheritdoc />
    public override string Describe() => Filters.Count == 0 ? "all cases" : string.Join("; ", Filters.Select(f => f.Describe()));
}
