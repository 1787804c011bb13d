using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>A value of a KPI measured at a time on a data source identified by its hash.</summary>
public sealed record Measurement
{
    /// <summary>Creates a measurement.</summary>
    public Measurement(double value, DateTimeOffset at, ContentHash dataHash)
    {
        Value = Guard.Finite(value, "Measured value");
        At = at;
        DataHash = dataHash.IsEmpty ? throw new ReviewRuleException("A measurement must name the hash of the data it was made on.") : dataHash;
    }

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <summary>When it was measured (the end of the period it covers).</summary>
    public DateTimeOffset At { get; }

    /// <summary>The data it was computed on.</summary>
    public ContentHash DataHash { get; }
}
