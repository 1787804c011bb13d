namespace Stepwise.Review.Storage;

/// <summary>
/// The workspace refused a write, and nothing was changed: it is open for reading only (a file without write
/// permission, a database role with read-only grants), or the disk or database is full. The message names the
/// workspace and what to do.
/// </summary>
public sealed class WorkspaceWriteRefusedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public WorkspaceWriteRefusedException(WriteRefusal reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>Why the write was refused.</summary>
    public WriteRefusal Reason { get; }
}

/// <summary>Why a workspace refused a write.</summary>
public enum WriteRefusal
{
    /// <summary>The workspace is open for reading only.</summary>
    ReadOnly,

    /// <summary>The connection may not write this table (database grants).</summary>
    PermissionDenied,

    /// <summary>The disk (or the database's storage) is full.</summary>
    Full,
}
