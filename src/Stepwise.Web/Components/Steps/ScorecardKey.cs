namespace Stepwise.Web.Components.Steps;

/// <summary>
/// What a review's default scorecard depends on: the event log it is computed from and the version of the scope that
/// bounds it, and the attribute hand-overs are counted between. A new import, a changed scope or another hand-over
/// attribute is a new key, so a cached scorecard is never shown for other data or another count.
/// </summary>
/// <param name="ReviewId">The review.</param>
/// <param name="DataSourceId">The event log the scorecard is computed from (the review's latest).</param>
/// <param name="ScopeVersion">The scope's version, or null when the review has no scope yet.</param>
/// <param name="HandoverBy">The attribute hand-overs are counted between.</param>
public readonly record struct ScorecardKey(Guid ReviewId, Guid DataSourceId, long? ScopeVersion, string HandoverBy = "org:resource");
