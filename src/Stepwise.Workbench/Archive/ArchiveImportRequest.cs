using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Archive;

/// <summary>Reads an exported review into this workspace.</summary>
public sealed record ArchiveImportRequest
{
    /// <summary>The archive file (.json, or .json.gz).</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The original data files, for an archive exported without its data: each is matched to its data source by
    /// SHA-256 and read again with the options recorded in the archive.
    /// </summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>Checks every field.</summary>
    public Validation Validate() => new Validation().Text("file", Path, 4000).Texts("data", Data, 4000);
}
