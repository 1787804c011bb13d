using System.Text.Json.Serialization;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Scoping;
using Stepwise.Simulation.Scenarios;

namespace Stepwise.Review.Options;

/// <summary>
/// A candidate change to the process, linked to the steps and questions it addresses. Its <see cref="Changes"/> are
/// the simulation's own scenario changes, so the option is the scenario the simulation runs: there is no second
/// vocabulary to translate. An option without changes yet is a draft that can be scored but not simulated.
/// </summary>
public sealed record ImprovementOption : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.ImprovementOption;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Option id"); }

    /// <summary>A short title; unique within the review (it is the scenario's name).</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Option title", 200); }

    /// <summary>What would change and why.</summary>
    public string? Description { get => field; init => field = Guard.OptionalText(value, "Option description"); }

    /// <summary>The changes to the process, applied in order, as the simulation models them.</summary>
    public IReadOnlyList<ScenarioChange> Changes
    {
        get => field;
        init
        {
            var list = Guard.List(value, "Changes");
            foreach (var change in list)
            {
                _ = ChangeKinds.Of(change ?? throw new ReviewRuleException($"Option '{Title}' has an empty change."));
            }

            field = list;
        }
    } = [];

    /// <summary>The steps it changes.</summary>
    public IReadOnlyList<Guid> StepIds { get => field; init => field = [.. Guard.List(value, "Steps").Distinct()]; } = [];

    /// <summary>The challenge questions it answers.</summary>
    public IReadOnlyList<Guid> QuestionIds { get => field; init => field = [.. Guard.List(value, "Questions").Distinct()]; } = [];

    /// <summary>The latest simulation of exactly these changes, or null when not simulated (or changed since).</summary>
    public OptionSimulation? Simulation { get; init; }

    /// <summary>The kinds of change it makes, each once, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<ChangeType> ChangeTypes => [.. Changes.Select(ChangeKinds.Of).Distinct()];

    /// <summary>The hash that identifies the changes (a simulation stored with the option names the changes it ran).</summary>
    [JsonIgnore]
    public ContentHash ChangesHash => CanonicalJson.Hash(CanonicalJson.Serialize(Changes));

    /// <summary>The option as a simulation scenario.</summary>
    public Scenario ToScenario() => new(Title, Changes, Description);
}
