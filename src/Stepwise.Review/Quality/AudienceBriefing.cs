using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.People;

namespace Stepwise.Review.Quality;

/// <summary>
/// Results given to an audience: which group (front-line staff, team leaders, senior managers, other departments,
/// service partners, customers), what they received (analyses, findings, actions), when and how.
/// </summary>
public sealed record AudienceBriefing : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.AudienceBriefing;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Briefing id"); }

    /// <summary>The audience.</summary>
    public required StakeholderGroup Audience { get => field; init => field = Guard.Defined(value, "Audience"); }

    /// <summary>Who in it, e.g. "cabin crew of the London base".</summary>
    public string? Recipients { get => field; init => field = Guard.OptionalText(value, "Recipients", 400); }

    /// <summary>What they were told, in a sentence or two.</summary>
    public required string Message { get => field; init => field = Guard.Text(value, "Briefing message", 4000); }

    /// <summary>How: team meeting, e-mail, report, intranet, workshop, ...</summary>
    public required string Channel { get => field; init => field = Guard.Text(value, "Briefing channel", 100); }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Analyses whose results were given.</summary>
    public IReadOnlyList<Guid> AnalysisIds { get => field; init => field = [.. Guard.List(value, "Analyses briefed").Distinct()]; } = [];

    /// <summary>Findings given.</summary>
    public IReadOnlyList<Guid> FindingIds { get => field; init => field = [.. Guard.List(value, "Findings briefed").Distinct()]; } = [];

    /// <summary>Actions given.</summary>
    public IReadOnlyList<Guid> ActionIds { get => field; init => field = [.. Guard.List(value, "Actions briefed").Distinct()]; } = [];
}
