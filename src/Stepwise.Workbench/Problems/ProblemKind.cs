namespace Stepwise.Workbench.Problems;

/// <summary>
/// What kind of failure a problem is. Every failure a user can cause or fix is one of these; anything else is a bug
/// in Stepwise. <see cref="ProblemCatalog"/> maps each kind to a command-line exit code and an HTTP status.
/// </summary>
public enum ProblemKind
{
    /// <summary>An option or field has a bad or missing value.</summary>
    InvalidValue,

    /// <summary>An input file cannot be read as expected (named by file, line and column where known).</summary>
    BadFile,

    /// <summary>An input exceeds a bound: upload size, decompressed size, rows, a field's length.</summary>
    TooLarge,

    /// <summary>No such review, artefact, data source, user or token.</summary>
    NotFound,

    /// <summary>Someone changed the artefact since it was read, or it already exists.</summary>
    Conflict,

    /// <summary>The review's rules refuse the change (a stage not yet agreed, a change type the scope does not allow).</summary>
    RuleBroken,

    /// <summary>The user may not do this in this review.</summary>
    Forbidden,

    /// <summary>No valid sign-in or token was given.</summary>
    Unauthenticated,

    /// <summary>The workspace cannot be written or reached now (read-only, disk full, database down).</summary>
    Unavailable,

    /// <summary>The user cancelled the work; nothing was changed.</summary>
    Cancelled,

    /// <summary>The server stopped while the work ran; its work was rolled back, so it can be started again.</summary>
    Interrupted,

    /// <summary>A fault inside Stepwise: not the user's doing.</summary>
    Bug,
}
