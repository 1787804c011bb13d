using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Sampling;

/// <summary>
/// A check of a sample, or of the responses received, against the population. Field names are the command line's
/// options in snake_case.
/// </summary>
public sealed record SampleCheckRequest
{
    /// <summary>Unit id column of the population.</summary>
    public string? Id { get; init; }

    /// <summary>Unit id column of the sample file (the same as <see cref="Id"/>, else "id", when omitted).</summary>
    public string? SampleId { get; init; }

    /// <summary>Whether the population is an event log whose cases are the units.</summary>
    public bool Log { get; init; }

    /// <summary>Attributes to check (at least one).</summary>
    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>Whether to compute raking weights per sample unit.</summary>
    public bool Weights { get; init; }

    /// <summary>The key the sample's ids were pseudonymised with, if they were.</summary>
    public string? PseudonymiseKey { get; init; }

    /// <summary>The most rows (units; for an event log, events) the population and sample files may hold (none when omitted); a longer file is
    /// refused as too large and nothing is read from it.</summary>
    public long? MaxRows { get; init; }

    /// <summary>Checks the fields that need no file.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        v.Between("max_rows", MaxRows, 1, Array.MaxLength);
        if (By.Count == 0)
        {
            v.Add("by", "name at least one attribute to check.");
        }

        Keys.Check(v, PseudonymiseKey);
        return v;
    }
}
