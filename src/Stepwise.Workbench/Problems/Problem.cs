namespace Stepwise.Workbench.Problems;

/// <summary>
/// A failure described for users and scripts, the same from every host: the command line prints
/// <see cref="Detail"/> and exits with <see cref="ExitCode"/>; the HTTP API answers <see cref="Status"/> with an RFC 9457
/// problem document whose <c>type</c> is <see cref="Type"/>.
/// </summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Title">A short, fixed summary of the kind, e.g. "Invalid value".</param>
/// <param name="Detail">What went wrong in this case, for the user.</param>
/// <param name="Errors">The bad fields (for invalid values).</param>
/// <param name="Location">The file, line and column (for bad files).</param>
/// <param name="Conflict">The artefact's version read, its current version, who changed it and which fields (for conflicts).</param>
public sealed record Problem(ProblemKind Kind, string Title, string Detail, IReadOnlyList<FieldError> Errors, FileLocation? Location, ConflictDetail? Conflict)
{
    /// <summary>The command-line exit code.</summary>
    public int ExitCode => ProblemCatalog.Entry(Kind).ExitCode;

    /// <summary>The HTTP status.</summary>
    public int Status => ProblemCatalog.Entry(Kind).Status;

    /// <summary>The problem type URI of the HTTP problem document.</summary>
    public string Type => ProblemCatalog.Entry(Kind).Type;
}

/// <summary>What a conflict is about: the version read, the current one, who changed what since.</summary>
/// <param name="Artefact">The artefact, e.g. "Scope 0193…".</param>
/// <param name="VersionRead">The version the caller read.</param>
/// <param name="CurrentVersion">The version now stored.</param>
/// <param name="Fields">The fields changed since.</param>
/// <param name="ChangedBy">Who changed them.</param>
/// <param name="ChangedAt">When, the latest change.</param>
public sealed record ConflictDetail(string Artefact, long VersionRead, long CurrentVersion, IReadOnlyList<string> Fields, IReadOnlyList<string> ChangedBy, DateTimeOffset? ChangedAt);
