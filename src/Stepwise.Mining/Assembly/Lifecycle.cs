namespace Stepwise.Mining.Assembly;

/// <summary>The lifecycle role of a raw event, for pairing start and complete events into one instance.</summary>
internal enum Lifecycle : byte
{
    /// <summary>No lifecycle, or a transition other than start and complete: the event stands alone.</summary>
    Other = 0,

    /// <summary>The start of an activity instance.</summary>
    Start = 1,

    /// <summary>The completion of an activity instance.</summary>
    Complete = 2,
}
