using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Steps;

/// <summary>A step of the process under review, with its lane (who does it) and its value classification.</summary>
public sealed record Step : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.Step;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Step id"); }

    /// <summary>The step's name as users say it.</summary>
    public required string Name { get => field; init => field = Guard.Text(value, "Step name", 200); }

    /// <summary>The event-log activity the step stands for, if it was discovered.</summary>
    public string? Activity { get => field; init => field = Guard.OptionalText(value, "Step activity", 400); }

    /// <summary>Where it came from.</summary>
    public StepOrigin Origin { get => field; init => field = Guard.Defined(value, "Step origin"); }

    /// <summary>The swimlane: the team or role that does it.</summary>
    public string? Lane { get => field; init => field = Guard.OptionalText(value, "Step lane", 200); }

    /// <summary>The person who answers for the step.</summary>
    public string? Owner { get => field; init => field = Guard.OptionalText(value, "Step owner", 200); }

    /// <summary>Its value classification.</summary>
    public ValueClass Value { get => field; init => field = Guard.Defined(value, "Value classification"); }

    /// <summary>The position of the step in the process as drawn (0 first).</summary>
    public int Position { get => field; init => field = value < 0 ? throw new ReviewRuleException("Step position cannot be negative.") : value; }
}
