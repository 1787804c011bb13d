using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Scoping;

namespace Stepwise.Review.Options;

/// <summary>A candidate change to the process, linked to the steps and questions it answers.</summary>
public sealed record ImprovementOption : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.ImprovementOption;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Option id"); }

    /// <summary>A short title.</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Option title", 200); }

    /// <summary>What would change and why.</summary>
    public string? Description { get => field; init => field = Guard.OptionalText(value, "Option description"); }

    /// <summary>The kind of change.</summary>
    public required ChangeType Change { get => field; init => field = Guard.Defined(value, "Change type"); }

    /// <summary>The steps it changes.</summary>
    public IReadOnlyList<Guid> StepIds { get => field; init => field = [.. Guard.List(value, "Steps").Distinct()]; } = [];

    /// <summary>The challenge questions it answers.</summary>
    public IReadOnlyList<Guid> QuestionIds { get => field; init => field = [.. Guard.List(value, "Questions").Distinct()]; } = [];

    /// <summary>What a simulation needs to model it.</summary>
    public SimulationParameters Parameters { get => field; init => field = value ?? SimulationParameters.None; } = SimulationParameters.None;
}
