using System.Globalization;
using Stepwise.Statistics.Sampling;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Sampling;

/// <summary>
/// A stratified random draw of units (cases or customers) from a population file. Field names are the command
/// line's options in snake_case; the request owns its defaults and checks.
/// </summary>
public sealed record SampleDrawRequest
{
    /// <summary>Unit id column of the population CSV (line numbers when omitted).</summary>
    public string? Id { get; init; }

    /// <summary>Whether the population is an event log whose cases are the units.</summary>
    public bool Log { get; init; }

    /// <summary>Attributes whose combinations are the strata (none: a simple random sample).</summary>
    public IReadOnlyList<string> Strata { get; init; } = [];

    /// <summary>Units to draw.</summary>
    public required int Size { get; init; }

    /// <summary>proportional (default), optimal (Neyman, needs <see cref="SpreadBy"/>) or equal.</summary>
    public string? Allocation { get; init; }

    /// <summary>Numeric attribute whose spread per stratum drives optimal allocation.</summary>
    public string? SpreadBy { get; init; }

    /// <summary>The seed: the same seed draws the same sample.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Field delimiter of the population CSV (detected when omitted).</summary>
    public string? Delimiter { get; init; }

    /// <summary>A key (at least 16 bytes) for writing unit ids as keyed pseudonyms.</summary>
    public string? PseudonymiseKey { get; init; }

    /// <summary>The most rows (units; for an event log, events) the population file may hold (none when omitted); a longer file is
    /// refused as too large and nothing is read from it.</summary>
    public long? MaxRows { get; init; }

    /// <summary>Checks the fields that need no file.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        v.Between("max_rows", MaxRows, 1, Array.MaxLength);
        if (Size < 1)
        {
            v.Add("size", $"{Size.ToString(CultureInfo.InvariantCulture)} is not a sample size; give a whole number of at least 1.");
        }

        var mode = AllocationOf(Allocation);
        if (mode is null)
        {
            v.Add("allocation", $"'{Allocation}' is not an allocation; use proportional, optimal or equal.");
        }
        else if (mode == Statistics.Sampling.Allocation.Optimal && string.IsNullOrWhiteSpace(SpreadBy))
        {
            v.Add("spread_by", "is required with optimal allocation: a numeric attribute whose spread per stratum sets the shares.");
        }

        if (Delimiter is not null && Delimiters.Parse(Delimiter) is null && Delimiter.Length > 0 && !string.Equals(Delimiter, "auto", StringComparison.OrdinalIgnoreCase))
        {
            v.Add("delimiter", $"'{Delimiter}' is not a delimiter; use one character, or tab.");
        }

        Keys.Check(v, PseudonymiseKey);
        return v;
    }

    /// <summary>The allocation asked for.</summary>
    internal Allocation Mode => AllocationOf(Allocation) ?? Statistics.Sampling.Allocation.Proportional;

    /// <summary>How the population was read, for the record of a saved sample.</summary>
    internal string ReadOptionsJson() => Review.Common.CanonicalJson.Serialize(new PopulationReadOptions(Id, Log, Delimiter));

    private static Allocation? AllocationOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "proportional" => Statistics.Sampling.Allocation.Proportional,
        "optimal" or "neyman" => Statistics.Sampling.Allocation.Optimal,
        "equal" => Statistics.Sampling.Allocation.Equal,
        _ => null,
    };
}
