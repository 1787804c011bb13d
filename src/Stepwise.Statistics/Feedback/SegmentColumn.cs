namespace Stepwise.Statistics.Feedback;

/// <summary>
/// A grouping attribute of the responses (channel, team, class of travel, type of customer), stored as codes into
/// <see cref="Labels"/>; -1 is missing.
/// </summary>
public sealed class SegmentColumn
{
    /// <summary>Creates a segment column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A code is below -1 or not an index of <paramref name="labels"/>.</exception>
    public SegmentColumn(string name, IReadOnlyList<string> labels, int[] codes)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(codes);
        foreach (int code in codes)
        {
            if (code < -1 || code >= labels.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(codes), code, $"Code {code} of segment '{name}' has no label.");
            }
        }

        Name = name;
        Labels = labels;
        Codes = codes;
    }

    /// <summary>The attribute, as named in the source file.</summary>
    public string Name { get; }

    /// <summary>The distinct values, in order of first appearance.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>One code per response: an index into <see cref="Labels"/>, or -1 when missing.</summary>
    public IReadOnlyList<int> Codes { get; }

    /// <summary>The label of response <paramref name="row"/>, or <see langword="null"/> when missing.</summary>
    public string? LabelAt(int row) => Codes[row] < 0 ? null : Labels[Codes[row]];
}
