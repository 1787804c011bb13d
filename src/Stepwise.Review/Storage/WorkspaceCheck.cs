namespace Stepwise.Review.Storage;

/// <summary>The result of checking a workspace's consistency (after a crash, say).</summary>
/// <param name="SchemaVersion">The schema version of the workspace.</param>
/// <param name="Problems">What is wrong; empty when the workspace is sound.</param>
public sealed record WorkspaceCheck(int SchemaVersion, IReadOnlyList<string> Problems)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsSound => Problems.Count == 0;
}
