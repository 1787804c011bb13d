namespace Stepwise.Monitoring.Mix;

/// <summary>One value of the mix attribute in each period.</summary>
/// <param name="Stratum">The value, (none) for cases without one, or (other) for small values pooled.</param>
/// <param name="BeforeCases">Cases before.</param>
/// <param name="AfterCases">Cases after.</param>
/// <param name="BeforeShare">Share of the before cases.</param>
/// <param name="AfterShare">Share of the after cases.</param>
/// <param name="BeforeVolume">Cases per interval before.</param>
/// <param name="AfterVolume">Cases per interval after.</param>
public sealed record StratumShare(string Stratum, int BeforeCases, int AfterCases, double BeforeShare, double AfterShare, double BeforeVolume, double AfterVolume);
