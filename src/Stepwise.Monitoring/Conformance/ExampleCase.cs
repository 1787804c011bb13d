namespace Stepwise.Monitoring.Conformance;

/// <summary>A case that shows a finding, with what it shows.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Explanation">What happened in it.</param>
public sealed record ExampleCase(string CaseId, string Explanation);
