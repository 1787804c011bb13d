using System.Globalization;
using Stepwise.Review.Scoping;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>
/// The scope of a review as a request: the boundaries of the process (time window, start and end steps, steps every
/// case contains or none does, attribute conditions such as channels and case types, variants, throughput range),
/// what is in and out of scope in words, and what may change (kinds of change, budget, steps that must stay,
/// constraints). Fields left empty keep what the scope says; <see cref="Clear"/> empties fields. Field names match the
/// command line's options (<c>case_types</c> is <c>--case-types</c>).
/// </summary>
public sealed record ScopeRequest
{
    /// <summary>The start of the period the review covers (ISO-8601).</summary>
    public string? From { get; init; }

    /// <summary>The end of the period (exclusive).</summary>
    public string? To { get; init; }

    /// <summary>How cases relate to the period: intersecting (default), starting, ending or contained.</summary>
    public string? Window { get; init; }

    /// <summary>Activities cases start with.</summary>
    public IReadOnlyList<string>? Start { get; init; }

    /// <summary>Activities cases end with.</summary>
    public IReadOnlyList<string>? End { get; init; }

    /// <summary>Activities every case contains.</summary>
    public IReadOnlyList<string>? Contains { get; init; }

    /// <summary>Activities no case contains.</summary>
    public IReadOnlyList<string>? Excludes { get; init; }

    /// <summary>The channels in scope (values of <see cref="ChannelAttribute"/>).</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>The attribute holding the channel (default <c>channel</c>).</summary>
    public string? ChannelAttribute { get; init; }

    /// <summary>The case types in scope (values of <see cref="CaseTypeAttribute"/>).</summary>
    public IReadOnlyList<string>? CaseTypes { get; init; }

    /// <summary>The attribute holding the case type (default <c>case_type</c>).</summary>
    public string? CaseTypeAttribute { get; init; }

    /// <summary>Other attribute conditions to keep: <c>priority=1,2</c>.</summary>
    public IReadOnlyList<string>? Where { get; init; }

    /// <summary>Attribute conditions to drop: <c>priority=4</c>.</summary>
    public IReadOnlyList<string>? WhereNot { get; init; }

    /// <summary>Only the cases of the N most frequent variants.</summary>
    public int? TopVariants { get; init; }

    /// <summary>Only the cases taking these paths: each a list of activities separated by <c>&gt;</c>, e.g. <c>Open&gt;Resolve&gt;Close</c>.</summary>
    public IReadOnlyList<string>? Variants { get; init; }

    /// <summary>The shortest case kept, e.g. 1h.</summary>
    public string? MinDuration { get; init; }

    /// <summary>The longest case kept, e.g. 90d.</summary>
    public string? MaxDuration { get; init; }

    /// <summary>What is in scope, in words.</summary>
    public IReadOnlyList<string>? In { get; init; }

    /// <summary>What is out of scope, in words.</summary>
    public IReadOnlyList<string>? Out { get; init; }

    /// <summary>The kinds of change allowed: remove-step, automate, merge, resequence, parallelise, add-staff, remove-staff, change-hours, reduce-rework, self-service, demand-growth.</summary>
    public IReadOnlyList<string>? Allow { get; init; }

    /// <summary>The budget cap (one-off spend).</summary>
    public decimal? Budget { get; init; }

    /// <summary>Steps that must stay, with why: <c>Verify identity=FCA rules require it</c>.</summary>
    public IReadOnlyList<string>? Keep { get; init; }

    /// <summary>Other constraints in words.</summary>
    public IReadOnlyList<string>? Constraint { get; init; }

    /// <summary>Fields to empty: time_window, start, end, contains, excludes, channels, case_types, where, top_variants, variants, duration, in, out, allow, budget, keep, constraint.</summary>
    public IReadOnlyList<string> Clear { get; init; } = [];

    private static readonly Guid Placeholder = Guid.Parse("00000000-0000-0000-0000-000000000001");

    private static readonly string[] Clearable = ["time_window", "start", "end", "contains", "excludes", "channels", "case_types", "where", "top_variants", "variants", "duration", "in", "out", "allow", "budget", "keep", "constraint"];

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        _ = Apply(v, new Scope { Id = Placeholder });
        return v;
    }

    /// <summary>The scope with this request's changes applied to <paramref name="current"/>.</summary>
    /// <exception cref="StepwiseException">A field is not valid.</exception>
    public Scope ApplyTo(Scope current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var v = new Validation();
        var scope = Apply(v, current);
        v.ThrowIfAny();
        return scope;
    }

    private Scope Apply(Validation v, Scope scope)
    {
        foreach (var field in Clear)
        {
            if (!Clearable.Contains(field.Trim().ToLowerInvariant().Replace('-', '_')))
            {
                v.Add("clear", $"'{field}' is not a field of the scope; use {string.Join(", ", Clearable)}.");
            }
        }

        bool Cleared(string field) => Clear.Any(c => string.Equals(c.Trim().Replace('-', '_'), field, StringComparison.OrdinalIgnoreCase));
        var filter = scope.Filter;
        var change = scope.Change;

        // Time window.
        var from = v.Instant("from", From);
        var to = v.Instant("to", To);
        var mode = Window?.Trim().ToLowerInvariant() switch
        {
            null or "" => (TimeWindowMode?)null,
            "intersecting" => TimeWindowMode.Intersecting,
            "starting" => TimeWindowMode.Starting,
            "ending" => TimeWindowMode.Ending,
            "contained" => TimeWindowMode.Contained,
            _ => null,
        };
        if (mode is null && !string.IsNullOrWhiteSpace(Window))
        {
            v.Add("window", $"'{Window}' must be intersecting, starting, ending or contained.");
        }

        if (Cleared("time_window"))
        {
            filter = filter with { Window = null };
        }

        if (from is not null || to is not null || mode is not null)
        {
            var f = from ?? filter.Window?.From;
            var t = to ?? filter.Window?.To;
            if (f is null || t is null)
            {
                v.Add(f is null ? "from" : "to", "is required: the scope's period needs a start and an end.");
            }
            else if (t <= f)
            {
                v.Add("to", $"must be after --from ({f.Value:yyyy-MM-dd}).");
            }
            else
            {
                filter = filter with { Window = new TimeWindow(f.Value, t.Value, mode ?? filter.Window?.Mode ?? TimeWindowMode.Intersecting) };
            }
        }

        filter = filter with
        {
            StartActivities = Names(v, "start", Start, Cleared("start") ? [] : filter.StartActivities),
            EndActivities = Names(v, "end", End, Cleared("end") ? [] : filter.EndActivities),
            ContainsActivities = Names(v, "contains", Contains, Cleared("contains") ? [] : filter.ContainsActivities),
            ExcludesActivities = Names(v, "excludes", Excludes, Cleared("excludes") ? [] : filter.ExcludesActivities),
        };
        foreach (var activity in filter.ContainsActivities.Intersect(filter.ExcludesActivities, StringComparer.Ordinal))
        {
            v.Add("excludes", $"'{activity}' is also required (--contains); a case cannot both contain and exclude it.");
        }

        // Attribute conditions: channels, case types, others.
        var attributes = filter.Attributes.ToList();
        Condition(v, attributes, "channels", Channels, ChannelAttribute ?? "channel", AttributeRole.Channel, Cleared("channels"));
        Condition(v, attributes, "case_types", CaseTypes, CaseTypeAttribute ?? "case_type", AttributeRole.CaseType, Cleared("case_types"));
        if (Cleared("where"))
        {
            attributes.RemoveAll(a => a.Role == AttributeRole.Other);
        }

        foreach (var (field, clauses, exclude) in new[] { ("where", Where, false), ("where_not", WhereNot, true) })
        {
            foreach (var clause in clauses ?? [])
            {
                if (LogFilterRequest.ParseCondition(clause) is { } c)
                {
                    attributes.RemoveAll(a => a.Role == AttributeRole.Other && a.Attribute == c.Attribute && a.Exclude == exclude);
                    attributes.Add(new AttributeCondition(c.Attribute, c.Values, exclude));
                }
                else
                {
                    v.Add(field, $"'{clause}' must be ATTRIBUTE=VALUE[,VALUE...], e.g. priority=1,2.");
                }
            }
        }

        filter = filter with { Attributes = attributes };

        // Variants and throughput.
        v.Between("top_variants", TopVariants, 1, 1_000_000);
        filter = filter with { TopVariants = Cleared("top_variants") ? null : TopVariants ?? filter.TopVariants };
        if (Variants is not null || Cleared("variants"))
        {
            var variants = new List<IReadOnlyList<string>>();
            foreach (var text in Variants ?? [])
            {
                var steps = text.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (steps.Length == 0)
                {
                    v.Add("variants", $"'{text}' names no activities; write a path as Open>Resolve>Close.");
                }
                else
                {
                    variants.Add(steps);
                }
            }

            filter = filter with { Variants = variants };
        }

        var min = v.Duration("min_duration", MinDuration);
        var max = v.Duration("max_duration", MaxDuration);
        if (Cleared("duration"))
        {
            filter = filter with { MinThroughput = null, MaxThroughput = null };
        }

        var newMin = min ?? filter.MinThroughput;
        var newMax = max ?? filter.MaxThroughput;
        if (newMin is { } lo && newMax is { } hi && hi < lo)
        {
            v.Add("max_duration", "must be at least --min-duration.");
        }
        else
        {
            filter = filter with { MinThroughput = newMin, MaxThroughput = newMax };
        }

        // What may change.
        var allowed = Cleared("allow") ? [] : change.AllowedChanges.ToList();
        if (Allow is not null)
        {
            allowed = [];
            foreach (var kind in Allow.SelectMany(a => a.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (v.Enum<ChangeType>("allow", kind) is { } type)
                {
                    allowed.Add(type);
                }
            }
        }

        v.AtLeast("budget", Budget, 0);
        var keep = Cleared("keep") ? [] : change.RequiredSteps.ToList();
        foreach (var clause in Keep ?? [])
        {
            int eq = clause.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == clause.Length - 1)
            {
                v.Add("keep", $"'{clause}' must be Step=why it must stay, e.g. 'Verify identity=FCA rules require it'.");
                continue;
            }

            string step = clause[..eq].Trim();
            keep.RemoveAll(k => k.Activity == step);
            keep.Add(new RequiredStep(step, clause[(eq + 1)..].Trim()));
        }

        change = change with
        {
            AllowedChanges = allowed,
            BudgetCap = Cleared("budget") ? null : Budget ?? change.BudgetCap,
            RequiredSteps = keep,
            Constraints = Constraint is not null ? Texts(v, "constraint", Constraint) : Cleared("constraint") ? [] : change.Constraints,
        };
        if (v.Errors.Count > 0)
        {
            return scope;
        }

        return scope with
        {
            Filter = filter,
            InScope = In is not null ? Texts(v, "in", In) : Cleared("in") ? [] : scope.InScope,
            OutOfScope = Out is not null ? Texts(v, "out", Out) : Cleared("out") ? [] : scope.OutOfScope,
            Change = change,
        };
    }

    private static string Span(TimeSpan span) => span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.##} days")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.##} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.##} minutes");

    private static IReadOnlyList<string> Names(Validation v, string field, IReadOnlyList<string>? given, IReadOnlyList<string> current)
    {
        if (given is null)
        {
            return current;
        }

        v.Texts(field, given, 400);
        return [.. given.SelectMany(g => g.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)];
    }

    private static IReadOnlyList<string> Texts(Validation v, string field, IReadOnlyList<string> given)
    {
        v.Texts(field, given, 4000);
        return [.. given.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim())];
    }

    private static void Condition(Validation v, List<AttributeCondition> attributes, string field, IReadOnlyList<string>? values, string attribute, AttributeRole role, bool clear)
    {
        if (clear)
        {
            attributes.RemoveAll(a => a.Role == role);
        }

        if (values is null)
        {
            return;
        }

        var list = values.SelectMany(x => x.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        v.Text(field + "_attribute", attribute, 200);
        if (list.Count == 0)
        {
            v.Add(field, "lists no values.");
            return;
        }

        attributes.RemoveAll(a => a.Role == role);
        attributes.Add(new AttributeCondition(attribute.Trim(), list, exclude: false, role));
    }

    /// <summary>The scope in words, as it is read out and signed: boundaries, notes and what may change.</summary>
    public static IReadOnlyList<string> Describe(Scope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var lines = new List<string>();
        var f = scope.Filter;
        if (f.Window is { } w)
        {
            lines.Add($"Period: cases {w.Mode.ToString().ToLowerInvariant()} from {w.From.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} to {w.To.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} (UTC).");
        }

        if (f.StartActivities.Count > 0)
        {
            lines.Add($"Cases start with: {string.Join(" or ", f.StartActivities)}.");
        }

        if (f.EndActivities.Count > 0)
        {
            lines.Add($"Cases end with: {string.Join(" or ", f.EndActivities)}.");
        }

        if (f.ContainsActivities.Count > 0)
        {
            lines.Add($"Cases go through: {string.Join(", ", f.ContainsActivities)}.");
        }

        if (f.ExcludesActivities.Count > 0)
        {
            lines.Add($"Cases never go through: {string.Join(", ", f.ExcludesActivities)}.");
        }

        foreach (var a in f.Attributes)
        {
            string what = a.Role switch
            {
                AttributeRole.Channel => "Channels",
                AttributeRole.CaseType => "Case types",
                _ => $"Attribute {a.Attribute}",
            };
            lines.Add($"{what}{(a.Exclude ? " not" : string.Empty)}: {string.Join(", ", a.Values)}" + (a.Role == AttributeRole.Other ? "." : $" (attribute {a.Attribute})."));
        }

        if (f.TopVariants is { } top)
        {
            lines.Add($"Only the {top} most frequent paths.");
        }

        foreach (var variant in f.Variants)
        {
            lines.Add($"Path: {string.Join(" > ", variant)}.");
        }

        if (f.MinThroughput is not null || f.MaxThroughput is not null)
        {
            lines.Add($"Cases taking {(f.MinThroughput is { } lo ? "at least " + Span(lo) : string.Empty)}{(f.MinThroughput is not null && f.MaxThroughput is not null ? " and " : string.Empty)}{(f.MaxThroughput is { } hi ? "at most " + Span(hi) : string.Empty)}.");
        }

        if (lines.Count == 0)
        {
            lines.Add("Boundaries: every case of the data.");
        }

        lines.AddRange(scope.InScope.Select(s => "In scope: " + s));
        lines.AddRange(scope.OutOfScope.Select(s => "Out of scope: " + s));
        var c = scope.Change;
        lines.Add(c.AllowedChanges.Count == 0 ? "Changes allowed: none agreed yet." : $"Changes allowed: {string.Join(", ", c.AllowedChanges.Select(x => Validation.Kebab(x.ToString())))}.");
        if (c.BudgetCap is { } budget)
        {
            lines.Add($"Budget: at most {budget.ToString("N0", CultureInfo.InvariantCulture)} one-off.");
        }

        lines.AddRange(c.RequiredSteps.Select(r => $"Must stay: {r.Activity} ({r.Reason})."));
        lines.AddRange(c.Constraints.Select(x => "Constraint: " + x));
        return lines;
    }
}
