using System.Text.Json.Serialization;

namespace Stepwise.Mining.Compliance;

/// <summary>Which occurrence of an activity a rule refers to when a case has several.</summary>
public enum Occurrence
{
    /// <summary>The first occurrence.</summary>
    First,

    /// <summary>The last occurrence.</summary>
    Last,
}

/// <summary>A condition on an attribute that limits which cases a rule applies to (e.g. only priority 1).</summary>
/// <param name="Attribute">A case attribute, or an event attribute taken from the case's first event that has it.</param>
/// <param name="Values">The rule applies when the value is one of these (compared as text).</param>
/// <param name="Negate">Apply when the value is not one of these.</param>
public sealed record RuleCondition(string Attribute, IReadOnlyList<string> Values, bool Negate = false);

/// <summary>
/// A rule a case must keep. Rules are plain data: a readable rule file lists them, <see cref="ComplianceChecker"/>
/// evaluates them on a log.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TimeLimitRule), "time-limit")]
[JsonDerivedType(typeof(OrderRule), "order")]
[JsonDerivedType(typeof(PresenceRule), "presence")]
[JsonDerivedType(typeof(AbsenceRule), "absence")]
[JsonDerivedType(typeof(SeparationOfDutiesRule), "separation-of-duties")]
public abstract record ComplianceRule
{
    /// <summary>A short unique id, e.g. <c>disp-8-weeks</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What the rule requires, in plain words.</summary>
    public required string Title { get; init; }

    /// <summary>Where the rule comes from (regulation, contract, service level).</summary>
    public string? Source { get; init; }

    /// <summary>Only cases meeting every condition are checked.</summary>
    public IReadOnlyList<RuleCondition> When { get; init; } = [];

    /// <summary>The step the rule is reported against; by default the activity the rule is about.</summary>
    public string? Step { get; init; }

    /// <summary>The activities the rule needs in the log.</summary>
    [JsonIgnore]
    public abstract IReadOnlyList<string> Activities { get; }

    /// <summary>The step the rule is reported against.</summary>
    [JsonIgnore]
    public abstract string DefaultStep { get; }
}

/// <summary>
/// A limit on the time from one event to another: e.g. a final response within 8 weeks of the complaint being received,
/// measured in elapsed time or working time. A case where the second event never happens breaches the rule once the
/// limit has passed by the end of the case (overdue); before that it is open, not yet decided.
/// </summary>
public sealed record TimeLimitRule : ComplianceRule
{
    /// <summary>Written as <see cref="From"/>, starts the clock at the case's first event, whatever its activity (service
    /// levels usually run from when the case was opened, and logs do not always record an "opened" activity).</summary>
    public const string CaseStart = "(case start)";

    /// <summary>The activity the clock starts at, or <see cref="CaseStart"/>.</summary>
    public required string From { get; init; }

    /// <summary>Which occurrence of <see cref="From"/> starts the clock.</summary>
    public Occurrence FromOccurrence { get; init; } = Occurrence.First;

    /// <summary>The activity that must happen in time (after <see cref="From"/>).</summary>
    public required string To { get; init; }

    /// <summary>Which occurrence of <see cref="To"/> (after the start) stops the clock.</summary>
    public Occurrence ToOccurrence { get; init; } = Occurrence.First;

    /// <summary>The limit.</summary>
    public required TimeSpan Within { get; init; }

    /// <summary>The name of a working calendar to measure with; null for elapsed time.</summary>
    public string? Calendar { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Activities => string.Equals(From, CaseStart, StringComparison.Ordinal) ? [To] : [From, To];

    /// <inheritdoc />
    public override string DefaultStep => To;
}

/// <summary>An activity must be preceded by another in the same case: e.g. identity verified before a refund is issued.
/// Checked on cases containing <see cref="After"/>; every occurrence of it needs an earlier <see cref="Before"/>.</summary>
public sealed record OrderRule : ComplianceRule
{
    /// <summary>What must happen first.</summary>
    public required string Before { get; init; }

    /// <summary>What may only happen after it.</summary>
    public required string After { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Activities => [Before, After];

    /// <inheritdoc />
    public override string DefaultStep => After;
}

/// <summary>An activity must occur in every case checked (e.g. a final response is sent).</summary>
public sealed record PresenceRule : ComplianceRule
{
    /// <summary>The activity that must occur.</summary>
    public required string Activity { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Activities => [Activity];

    /// <inheritdoc />
    public override string DefaultStep => Activity;
}

/// <summary>An activity must not occur, or not after another: e.g. no contact after the customer opted out.</summary>
public sealed record AbsenceRule : ComplianceRule
{
    /// <summary>The activity that must not occur.</summary>
    public required string Activity { get; init; }

    /// <summary>If given, the activity must not occur after the first occurrence of this one (and the rule is checked
    /// only on cases containing it).</summary>
    public string? After { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Activities => After is null ? [Activity] : [After, Activity];

    /// <inheritdoc />
    public override string DefaultStep => Activity;
}

/// <summary>Two activities of a case must not be performed by the same resource: e.g. a refund is not approved by the
/// person who raised it. Checked on cases containing both.</summary>
public sealed record SeparationOfDutiesRule : ComplianceRule
{
    /// <summary>The first activity (e.g. raise refund).</summary>
    public required string First { get; init; }

    /// <summary>The second activity (e.g. approve refund).</summary>
    public required string Second { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Activities => [First, Second];

    /// <inheritdoc />
    public override string DefaultStep => Second;
}
