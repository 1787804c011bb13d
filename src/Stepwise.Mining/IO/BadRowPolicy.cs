namespace Stepwise.Mining.IO;

/// <summary>What an import does with a row (CSV) or event (XES) that cannot be read.</summary>
public enum BadRowPolicy
{
    /// <summary>Reject the whole import, reporting the problems found (the default).</summary>
    Reject,

    /// <summary>Leave the bad rows out and report each of them (count, and the first ones in full).</summary>
    Skip,
}
