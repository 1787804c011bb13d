namespace Stepwise.Workbench.Archive;

/// <summary>What an export holds besides the review's artefacts, history and provenance.</summary>
public sealed record ExportRequest
{
    /// <summary>
    /// Include the stored event logs (personal data: owners only). Without them the archive records each data source's
    /// SHA-256 and read options, and an import re-reads the original files to restore them.
    /// </summary>
    public bool IncludeData { get; init; } = true;
}
