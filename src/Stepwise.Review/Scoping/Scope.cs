using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Scoping;

/// <summary>
/// The agreed boundaries of the process under review and what may be changed. A review has one scope (its id is
/// the review's id); it is signed off by the accountable stakeholders before options are evaluated.
/// </summary>
public sealed record Scope : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.Scope;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Scope id"); }

    /// <summary>The process boundaries as a filter over the event log.</summary>
    public ScopeFilter Filter { get => field; init => field = (value ?? throw new ReviewRuleException("The scope needs a filter.")).Checked(); } = ScopeFilter.Everything;

    /// <summary>What is in scope, in words.</summary>
    public IReadOnlyList<string> InScope { get => field; init => field = Guard.Names(value, "In-scope note"); } = [];

    /// <summary>What is out of scope, in words.</summary>
    public IReadOnlyList<string> OutOfScope { get => field; init => field = Guard.Names(value, "Out-of-scope note"); } = [];

    /// <summary>What may change.</summary>
    public ChangeParameters Change { get => field; init => field = value ?? new ChangeParameters(); } = new();
}
