using Stepwise.Review.Common;
using Stepwise.Review.Planning;

namespace Stepwise.Review.Quality;

/// <summary>An action agreed in answer to a finding, with an owner and a due date.</summary>
public sealed record AgreedAction
{
    /// <summary>The action id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "Action id"); }

    /// <summary>The finding it answers.</summary>
    public required Guid FindingId { get => field; init => field = Guard.Id(value, "Finding of the action"); }

    /// <summary>What will be done.</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Action title", 200); }

    /// <summary>Who does it.</summary>
    public required string Owner { get => field; init => field = Guard.Text(value, $"Owner of action '{Title}'", 200); }

    /// <summary>When it is due.</summary>
    public required DateOnly Due { get; init; }

    /// <summary>Progress.</summary>
    public PlanTaskStatus Status { get => field; init => field = Guard.Defined(value, "Action status"); }
}
