using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>
/// A value of a KPI for a period: computed from a stored data source (named by its hash) or entered from another
/// source (named in words), with the verdict against the target and the baseline.
/// </summary>
public sealed record Measurement
{
    /// <summary>Creates a measurement.</summary>
    /// <exception cref="ReviewRuleException">The value is not finite, or neither a data hash nor a source is given.</exception>
    public Measurement(double value, DateTimeOffset at, ContentHash? dataHash = null, string? source = null, DateTimeOffset? from = null, MeasurementVerdict verdict = MeasurementVerdict.NotJudged, string? note = null, string? enteredBy = null)
    {
        Value = Guard.Finite(value, "Measured value");
        At = at;
        DataHash = dataHash is { IsEmpty: true } ? null : dataHash;
        Source = Guard.OptionalText(source, "Measurement source", 400);
        if (DataHash is null && Source is null)
        {
            throw new ReviewRuleException("A measurement must name the data it was computed on (its hash) or where the value comes from.");
        }

        if (from is { } start && start >= at)
        {
            throw new ReviewRuleException($"A measurement's period must end after it starts (from {start:O} to {at:O}).");
        }

        From = from;
        Verdict = Guard.Defined(verdict, "Verdict");
        Note = Guard.OptionalText(note, "Measurement note");
        EnteredBy = Guard.OptionalText(enteredBy, "Entered by", 200);
    }

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <summary>The end of the period it covers (when it was measured).</summary>
    public DateTimeOffset At { get; }

    /// <summary>The start of the period it covers, if it covers one.</summary>
    public DateTimeOffset? From { get; }

    /// <summary>The SHA-256 of the data it was computed on, when computed from a data source.</summary>
    public ContentHash? DataHash { get; }

    /// <summary>Where it comes from when entered (e.g. "weekly service report, week 12") or how it was computed.</summary>
    public string? Source { get; }

    /// <summary>The verdict against the target and the baseline when it was recorded.</summary>
    public MeasurementVerdict Verdict { get; }

    /// <summary>A note, e.g. why the verdict is what it is.</summary>
    public string? Note { get; }

    /// <summary>Who recorded it.</summary>
    public string? EnteredBy { get; }
}
