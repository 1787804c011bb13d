using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Steps;

/// <summary>A question of one's own challenging a step, put to stakeholders (or open to all).</summary>
public sealed record NewQuestion
{
    /// <summary>The step, by name (or id).</summary>
    public required string Step { get; init; }

    /// <summary>The question.</summary>
    public required string Text { get; init; }

    /// <summary>The stakeholders it is put to (names or ids); empty for anyone.</summary>
    public IReadOnlyList<string> AskedOf { get; init; } = [];

    /// <summary>Checks every field.</summary>
    public Validation Validate() => new Validation().Text("step", Step, 400).Text("text", Text, 4000).Texts("asked_of", AskedOf, 200);
}
