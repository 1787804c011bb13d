namespace Stepwise.Monitoring.Conformance;

/// <summary>One part of the agreement checked in both periods: the share of cases that break it, before and after,
/// the change with its interval, and example cases from after the change.</summary>
/// <param name="Kind">What kind of agreement.</param>
/// <param name="Agreement">The agreement in words, e.g. "'Approve' is removed".</param>
/// <param name="BeforeCases">Cases before.</param>
/// <param name="BeforeBreaking">Cases before that would break it.</param>
/// <param name="AfterCases">Cases after.</param>
/// <param name="AfterBreaking">Cases after that break it.</param>
/// <param name="Difference">After share minus before share.</param>
/// <param name="Low">Lower bound of the difference.</param>
/// <param name="High">Upper bound of the difference.</param>
/// <param name="Examples">Cases after the change that break it.</param>
public sealed record ConformanceCheck(
    ConformanceKind Kind,
    string Agreement,
    int BeforeCases,
    int BeforeBreaking,
    int AfterCases,
    int AfterBreaking,
    double Difference,
    double Low,
    double High,
    IReadOnlyList<ExampleCase> Examples)
{
    /// <summary>Share of the before cases that would break it.</summary>
    public double BeforeShare => BeforeCases == 0 ? double.NaN : (double)BeforeBreaking / BeforeCases;

    /// <summary>Share of the after cases that break it.</summary>
    public double AfterShare => AfterCases == 0 ? double.NaN : (double)AfterBreaking / AfterCases;
}
