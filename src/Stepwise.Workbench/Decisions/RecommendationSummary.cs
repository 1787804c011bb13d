using Stepwise.Review.Artefacts;
using Stepwise.Review.Decisions;
using Stepwise.Review.SignOffs;

namespace Stepwise.Workbench.Decisions;

/// <summary>A recommendation with the titles of its options and whether its current version is agreed.</summary>
/// <param name="Recommendation">The recommendation and its version.</param>
/// <param name="Options">The titles of the options it takes up.</param>
/// <param name="Agreement">Whether every accountable stakeholder approved the current version, and if not, why.</param>
public sealed record RecommendationSummary(Versioned<Recommendation> Recommendation, IReadOnlyList<string> Options, Agreement Agreement);
