namespace Stepwise.Review.Reviews;

/// <summary>What the stage rules need to know about a review, gathered from its artefacts and sign-offs.</summary>
/// <param name="HasScope">A scope has been written.</param>
/// <param name="ScopeAgreed">The current version of the scope is agreed.</param>
/// <param name="RecommendationAgreed">At least one recommendation's current version is agreed.</param>
/// <param name="RecommendationImplemented">At least one agreed recommendation has plan tasks, all done.</param>
/// <param name="ChangeMonitored">The change has been monitored: the review holds a monitoring run of its data.</param>
public readonly record struct StageFacts(bool HasScope, bool ScopeAgreed, bool RecommendationAgreed, bool RecommendationImplemented, bool ChangeMonitored = false);
