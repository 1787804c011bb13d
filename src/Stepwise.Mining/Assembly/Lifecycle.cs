using System.Text;

namespace Stepwise.Mining.Assembly;

/// <summary>
/// The lifecycle transition of a raw event, after the XES standard lifecycle extension (IEEE 1849): the
/// transitions an activity instance goes through between being scheduled and ending.
/// </summary>
internal enum Lifecycle : byte
{
    /// <summary>The event has no transition: it stands alone.</summary>
    None = 0,

    /// <summary>A transition outside the standard model (e.g. a status such as <c>In Progress</c>): it stands alone.</summary>
    Other,

    /// <summary>The standard's <c>unknown</c>: it stands alone.</summary>
    Unknown,

    /// <summary>The instance is scheduled (opens it).</summary>
    Schedule,

    /// <summary>The instance is assigned to a resource (opens it when not scheduled).</summary>
    Assign,

    /// <summary>The instance is assigned to another resource.</summary>
    Reassign,

    /// <summary>Work on the instance starts.</summary>
    Start,

    /// <summary>Work is paused.</summary>
    Suspend,

    /// <summary>Work resumes.</summary>
    Resume,

    /// <summary>The instance completes.</summary>
    Complete,

    /// <summary>The instance is skipped by the system before it started.</summary>
    AutoSkip,

    /// <summary>The instance is skipped by a user before it started.</summary>
    ManualSkip,

    /// <summary>The instance is withdrawn before it started.</summary>
    Withdraw,

    /// <summary>The instance is aborted after it started.</summary>
    AteAbort,

    /// <summary>The whole case is aborted.</summary>
    PiAbort,
}

/// <summary>Reads transition names.</summary>
internal static class Lifecycles
{
    /// <summary>The transition a value names (case and surrounding spaces ignored); <see cref="Lifecycle.Other"/>
    /// for values outside the standard model, <see cref="Lifecycle.None"/> for an empty value.</summary>
    public static Lifecycle Parse(ReadOnlySpan<byte> value)
    {
        value = value.Trim(" \t"u8);
        if (value.IsEmpty)
        {
            return Lifecycle.None;
        }

        if (value.Length > 12)
        {
            return Lifecycle.Other;
        }

        Span<char> lower = stackalloc char[value.Length];
        for (int i = 0; i < value.Length; i++)
        {
            byte b = value[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (char)(b + 32) : (char)b;
        }

        return Parse(lower);
    }

    /// <summary>As <see cref="Parse(ReadOnlySpan{byte})"/>, for text.</summary>
    public static Lifecycle Parse(string value) => Parse(Encoding.UTF8.GetBytes(value));

    private static Lifecycle Parse(ReadOnlySpan<char> lower) => lower switch
    {
        "schedule" => Lifecycle.Schedule,
        "assign" => Lifecycle.Assign,
        "reassign" => Lifecycle.Reassign,
        "start" => Lifecycle.Start,
        "suspend" => Lifecycle.Suspend,
        "resume" => Lifecycle.Resume,
        "complete" => Lifecycle.Complete,
        "autoskip" => Lifecycle.AutoSkip,
        "manualskip" => Lifecycle.ManualSkip,
        "withdraw" => Lifecycle.Withdraw,
        "ate_abort" => Lifecycle.AteAbort,
        "pi_abort" => Lifecycle.PiAbort,
        "unknown" => Lifecycle.Unknown,
        _ => Lifecycle.Other,
    };

    /// <summary>Whether a transition takes part in pairing (opens, changes or closes an instance).</summary>
    public static bool Pairs(Lifecycle lifecycle) => lifecycle >= Lifecycle.Schedule && lifecycle != Lifecycle.Complete;
}
