using Stepwise.Review.Quality;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Quality;

/// <summary>
/// A revision of one line of the measurement plan because its method is not working: the reason, what was seen, and
/// the new values (only the fields given change).
/// </summary>
public sealed record RevisionRequest
{
    /// <summary>The metric revised.</summary>
    public required string Metric { get; init; }

    /// <summary>low-response-rate, unrepresentative-sample, method-not-working, target-changed or other.</summary>
    public required string Reason { get; init; }

    /// <summary>What was seen, e.g. "12% of invited passengers answered; 30% were planned".</summary>
    public required string Explanation { get; init; }

    /// <summary>The sample whose check showed the problem (its name or id), if any.</summary>
    public string? Sample { get; init; }

    /// <summary>The new method.</summary>
    public string? Method { get; init; }

    /// <summary>The new source.</summary>
    public string? Source { get; init; }

    /// <summary>The new sample design.</summary>
    public string? SampleDesign { get; init; }

    /// <summary>The new frequency.</summary>
    public string? Frequency { get; init; }

    /// <summary>The new target.</summary>
    public string? Target { get; init; }

    /// <summary>The new owner.</summary>
    public string? Owner { get; init; }

    /// <summary>Checks every field and returns the reason.</summary>
    public RevisionReason Parse()
    {
        var v = new Validation().Text("metric", Metric, 200).Text("explanation", Explanation, 2000).Text("sample", Sample, 200, required: false);
        var reason = v.Enum<RevisionReason>("reason", Reason);
        if (string.IsNullOrWhiteSpace(Reason))
        {
            v.Add("reason", "is required: " + string.Join(", ", Enum.GetNames<RevisionReason>().Select(Validation.Kebab)) + ".");
        }

        if (Method is null && Source is null && SampleDesign is null && Frequency is null && Target is null && Owner is null)
        {
            v.Add("method", "or another field of the measure must change: give the new method, source, sample design, frequency, target or owner.");
        }

        v.ThrowIfAny();
        return reason!.Value;
    }
}
