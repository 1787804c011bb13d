using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.People;

/// <summary>An entry of the communication log: who was told what, when, how, and with which artefact.</summary>
public sealed record Communication : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.Communication;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Communication id"); }

    /// <summary>The stakeholders told.</summary>
    public required IReadOnlyList<Guid> Audience
    {
        get => field;
        init
        {
            var list = Guard.List(value, "Audience");
            field = list.Count == 0 ? throw new ReviewRuleException("A communication needs at least one stakeholder in its audience.") : [.. list.Distinct()];
        }
    }

    /// <summary>What they were told.</summary>
    public required string Message { get => field; init => field = Guard.Text(value, "Communication message"); }

    /// <summary>How: meeting, e-mail, briefing, intranet, ...</summary>
    public required string Channel { get => field; init => field = Guard.Text(value, "Communication channel", 100); }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The artefact shared, if any.</summary>
    public ArtefactRef? Artefact { get; init; }
}
