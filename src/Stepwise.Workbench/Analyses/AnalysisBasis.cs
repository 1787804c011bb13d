namespace Stepwise.Workbench.Analyses;

/// <summary>
/// What an analysis of a review's data was computed on, so any figure can be traced and computed again: the data source
/// and its SHA-256, the version of the scope applied, the extra filter, the duration measure, and the cases at each step.
/// </summary>
/// <param name="DataSourceId">The data source.</param>
/// <param name="DataFile">Its file name.</param>
/// <param name="DataSha256">The SHA-256 of its file.</param>
/// <param name="ScopeVersion">The version of the scope applied, or null when the review has no scope yet.</param>
/// <param name="Scope">The scope's boundaries in words ("all cases" without a scope).</param>
/// <param name="Filter">The extra filter in words, or null.</param>
/// <param name="Measure">How durations are measured, in words.</param>
/// <param name="CasesInData">Cases in the data source.</param>
/// <param name="CasesInScope">Cases inside the scope.</param>
/// <param name="Cases">Cases analysed (inside the scope and the extra filter).</param>
public sealed record AnalysisBasis(Guid DataSourceId, string DataFile, string DataSha256, long? ScopeVersion, string Scope, string? Filter, string Measure, int CasesInData, int CasesInScope, int Cases);
