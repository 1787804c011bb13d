using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Compliance;
using Stepwise.Mining.Time;

namespace Stepwise.Steps.Compliance;

/// <summary>
/// A readable set of compliance rules as read from a rule file: the rules, the working calendars they measure in,
/// and aliases that let one pack fit logs whose activities are named differently.
/// </summary>
public sealed record RulePack
{
    /// <summary>The pack's name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the rules come from (a regulation, a contract, a service-level agreement).</summary>
    public string? Source { get; init; }

    /// <summary>What the user must know before relying on the pack (e.g. that an example must be checked by their
    /// compliance team).</summary>
    public string? Notice { get; init; }

    /// <summary>Whether the pack is an example rather than the user's own agreed rules.</summary>
    public bool IsExample { get; init; }

    /// <summary>The rules.</summary>
    public required IReadOnlyList<ComplianceRule> Rules { get; init; }

    /// <summary>Working calendars by name.</summary>
    public IReadOnlyDictionary<string, DurationMeasure> Calendars { get; init; } = new Dictionary<string, DurationMeasure>(StringComparer.Ordinal);

    /// <summary>For an activity or attribute name used in the rules, the names it may have in a log, tried in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Where the pack was read from.</summary>
    public string? File { get; init; }

    /// <summary>For time limits about a step not every case needs, by rule id: which cases are not checked (see
    /// <see cref="Compliance.Skipping"/>). A rule without an entry checks every case it applies to.</summary>
    public IReadOnlyDictionary<string, Skipping> Skipping { get; init; } = new Dictionary<string, Skipping>(StringComparer.Ordinal);

    /// <summary>The skipping of the rule <paramref name="ruleId"/> with its activities resolved through the aliases as
    /// <see cref="RulesFor"/> does, or null when the rule has none.</summary>
    public Skipping? SkippingFor(string ruleId, EventLog log)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(log);
        return Skipping.TryGetValue(ruleId, out var skipping)
            ? skipping with { SkippedBy = [.. skipping.SkippedBy.Select(name => Resolve(name, log))] }
            : null;
    }

    /// <summary>
    /// The rules with every activity and condition attribute replaced by the first of its aliases that
    /// <paramref name="log"/> has (names without aliases, or with none present, are kept, so that the rule reports what
    /// is missing).
    /// </summary>
    public IReadOnlyList<ComplianceRule> RulesFor(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (Aliases.Count == 0)
        {
            return Rules;
        }

        string Resolve(string name) => this.Resolve(name, log);

        string? ResolveStep(string? step) => step is null ? null : Resolve(step);

        // Aliases serve attributes too: a condition on 'priority' can use the log's 'impact'.
        IReadOnlyList<RuleCondition> ResolveWhen(IReadOnlyList<RuleCondition> when)
            => [.. when.Select(c => Aliases.TryGetValue(c.Attribute, out var names) && names.FirstOrDefault(n => AttributeCodes.Exists(log, n)) is { } found ? c with { Attribute = found } : c)];

        return [.. Rules.Select<ComplianceRule, ComplianceRule>(rule => rule switch
        {
            TimeLimitRule t => t with { From = Resolve(t.From), To = Resolve(t.To), Step = ResolveStep(t.Step), When = ResolveWhen(t.When) },
            OrderRule o => o with { Before = Resolve(o.Before), After = Resolve(o.After), Step = ResolveStep(o.Step), When = ResolveWhen(o.When) },
            PresenceRule p => p with { Activity = Resolve(p.Activity), Step = ResolveStep(p.Step), When = ResolveWhen(p.When) },
            AbsenceRule a => a with { Activity = Resolve(a.Activity), After = a.After is null ? null : Resolve(a.After), Step = ResolveStep(a.Step), When = ResolveWhen(a.When) },
            SeparationOfDutiesRule s => s with { First = Resolve(s.First), Second = Resolve(s.Second), Step = ResolveStep(s.Step), When = ResolveWhen(s.When) },
            _ => rule,
        })];
    }

    /// <summary>The first of the aliases of activity <paramref name="name"/> that <paramref name="log"/> has, else the name.</summary>
    private string Resolve(string name, EventLog log)
    {
        if (Aliases.TryGetValue(name, out var names))
        {
            foreach (var candidate in names)
            {
                if (log.ActivityNames.Contains(candidate))
                {
                    return candidate;
                }
            }
        }

        return name;
    }
}
