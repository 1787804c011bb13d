using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>
/// The latest answer to "did the change work?" for a review (its id is the review's id; every run is a new version, so
/// the history keeps each one): the periods compared with the hashes of their data, the options used, each KPI before
/// and after with its interval and verdict, the mix, the control charts across the change, conformance to what was
/// agreed, and the chosen option's forecast beside what happened.
/// </summary>
public sealed record MonitoringRun : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.MonitoringRun;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Monitoring run id"); }

    /// <summary>The period before the change.</summary>
    public required MonitoredPeriod Before { get => field; init => field = value ?? throw new ReviewRuleException("A monitoring run needs its before period."); }

    /// <summary>The period after the change.</summary>
    public required MonitoredPeriod After { get => field; init => field = value ?? throw new ReviewRuleException("A monitoring run needs its after period."); }

    /// <summary>The change date, when one data source was split at it.</summary>
    public DateTimeOffset? ChangeDate { get; init; }

    /// <summary>Cases left out while the change settled in.</summary>
    public int LeftOutSettling { get; init; }

    /// <summary>Cases left out because they ran across the change.</summary>
    public int LeftOutAcross { get; init; }

    /// <summary>The version of the scope whose cases were monitored, or null when the review has no scope.</summary>
    public long? ScopeVersion { get; init; }

    /// <summary>The options used.</summary>
    public required MonitoringSettings Settings { get => field; init => field = value ?? throw new ReviewRuleException("A monitoring run needs its settings."); }

    /// <summary>The recommended option whose agreed changes and forecast were checked, or null.</summary>
    public Guid? OptionId { get; init; }

    /// <summary>Its title.</summary>
    public string? OptionTitle { get => field; init => field = Guard.OptionalText(value, "Option title", 200); }

    /// <summary>Each KPI, in the order monitored.</summary>
    public IReadOnlyList<KpiOutcome> Kpis { get => field; init => field = Guard.List(value, "KPIs"); } = [];

    /// <summary>How many KPIs were tested together (the family the adjustment covers).</summary>
    public int Tested { get; init; }

    /// <summary>The mix, when a mix attribute was given.</summary>
    public MixOutcome? Mix { get; init; }

    /// <summary>What was agreed, checked before and after.</summary>
    public IReadOnlyList<AgreementOutcome> Conformance { get => field; init => field = Guard.List(value, "Conformance"); } = [];

    /// <summary>Steps seen after the change but never before.</summary>
    public IReadOnlyList<BehaviourOutcome> NewSteps { get => field; init => field = Guard.List(value, "New steps"); } = [];

    /// <summary>Steps seen before the change but never after.</summary>
    public IReadOnlyList<BehaviourOutcome> GoneSteps { get => field; init => field = Guard.List(value, "Gone steps"); } = [];

    /// <summary>Paths new after the change, most frequent first (at most the number listed).</summary>
    public IReadOnlyList<BehaviourOutcome> NewPaths { get => field; init => field = Guard.List(value, "New paths"); } = [];

    /// <summary>How many new paths there are in all.</summary>
    public int NewPathCount { get; init; }

    /// <summary>Share of the after cases whose whole path was never seen before, or null when not checked.</summary>
    public double? NewVariantShare { get; init; }

    /// <summary>The forecasts beside what happened.</summary>
    public IReadOnlyList<ForecastOutcome> Forecasts { get => field; init => field = Guard.List(value, "Forecasts"); } = [];

    /// <summary>Where the forecast came from.</summary>
    public string? ForecastSource { get; init; }

    /// <summary>A control chart per KPI measured.</summary>
    public IReadOnlyList<TrendOutcome> Trends { get => field; init => field = Guard.List(value, "Trends"); } = [];

    /// <summary>What the reader must know: methods, estimates, rules that could not be checked.</summary>
    public IReadOnlyList<string> Notes { get => field; init => field = Guard.List(value, "Notes"); } = [];

    /// <summary>When it was run.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who ran it.</summary>
    public required string By { get => field; init => field = Guard.Text(value, "Monitored by", 200); }
}
