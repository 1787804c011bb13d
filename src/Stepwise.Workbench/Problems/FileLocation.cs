namespace Stepwise.Workbench.Problems;

/// <summary>Where in an input file a problem is: the file's name, and the line and column when known (1-based).</summary>
public sealed record FileLocation(string File, long? Line = null, long? Column = null)
{
    /// <inheritdoc />
    public override string ToString() => Line is null ? File : Column is null ? $"{File}, line {Line}" : $"{File}, line {Line}, column {Column}";
}
