using Stepwise.Review.Common;

namespace Stepwise.Review.Scoping;

/// <summary>A half-open period [<see cref="From"/>, <see cref="To"/>) and how cases are matched against it.</summary>
public sealed record TimeWindow
{
    /// <summary>Creates a window.</summary>
    /// <exception cref="ReviewRuleException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public TimeWindow(DateTimeOffset from, DateTimeOffset to, TimeWindowMode mode)
    {
        if (to <= from)
        {
            throw new ReviewRuleException($"The scope's time window must end after it starts (from {from:O}, to {to:O}).");
        }

        From = from;
        To = to;
        Mode = Guard.Defined(mode, "Time window mode");
    }

    /// <summary>The first instant inside the window.</summary>
    public DateTimeOffset From { get; }

    /// <summary>The first instant after the window.</summary>
    public DateTimeOffset To { get; }

    /// <summary>How cases are matched.</summary>
    public TimeWindowMode Mode { get; }
}
