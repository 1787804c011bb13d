using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>One part of what was agreed, checked in both periods: the cases that break it before and after, the change
/// in their share with its interval, and example cases from after the change.</summary>
public sealed record AgreementOutcome
{
    /// <summary>removed_step, mandatory_step or order.</summary>
    public required string Kind { get => field; init => field = Guard.Text(value, "Agreement kind", 50); }

    /// <summary>The agreement in words.</summary>
    public required string Agreement { get => field; init => field = Guard.Text(value, "Agreement", 1000); }

    /// <summary>Cases before.</summary>
    public int BeforeCases { get; init; }

    /// <summary>Cases before that would break it.</summary>
    public int BeforeBreaking { get; init; }

    /// <summary>Cases after.</summary>
    public int AfterCases { get; init; }

    /// <summary>Cases after that break it.</summary>
    public int AfterBreaking { get; init; }

    /// <summary>After share minus before share.</summary>
    public double? Difference { get; init; }

    /// <summary>Lower bound of the difference.</summary>
    public double? Low { get; init; }

    /// <summary>Upper bound of the difference.</summary>
    public double? High { get; init; }

    /// <summary>Cases after the change that break it, each with what happened.</summary>
    public IReadOnlyList<string> Examples { get => field; init => field = Guard.List(value, "Examples"); } = [];
}
