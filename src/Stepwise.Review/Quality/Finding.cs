using Stepwise.Review.Common;
using Stepwise.Review.Steps;

namespace Stepwise.Review.Quality;

/// <summary>A finding of a quality review: a gap against a target, a driver or a theme, with its evidence.</summary>
public sealed record Finding
{
    /// <summary>The finding id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "Finding id"); }

    /// <summary>What it is.</summary>
    public required FindingKind FindingKind { get => field; init => field = Guard.Defined(value, "Finding kind"); }

    /// <summary>What was found.</summary>
    public required string Summary { get => field; init => field = Guard.Text(value, "Finding summary"); }

    /// <summary>The metric or feature concerned, if any.</summary>
    public string? Subject { get => field; init => field = Guard.OptionalText(value, "Finding subject", 200); }

    /// <summary>The evidence.</summary>
    public IReadOnlyList<Evidence> Evidence { get => field; init => field = Guard.List(value, "Evidence"); } = [];
}
