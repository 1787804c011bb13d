using Stepwise.Review.Common;

namespace Stepwise.Review.Data;

/// <summary>
/// An imported file and where it came from. Immutable once imported: a corrected file is a new data source with
/// a new hash, so results computed on the old one stay traceable to it.
/// </summary>
public sealed record DataSource
{
    /// <summary>The data source id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "Data source id"); }

    /// <summary>The review it was imported into.</summary>
    public required Guid ReviewId { get => field; init => field = Guard.Id(value, "Review id"); }

    /// <summary>What it holds.</summary>
    public required DataSourceKind Kind { get => field; init => field = Guard.Defined(value, "Data source kind"); }

    /// <summary>The file name (without folders: the path on the importer's machine is not kept).</summary>
    public required string FileName
    {
        get => field;
        init => field = Path.GetFileName(Guard.Text(value, "File name", 400));
    }

    /// <summary>The import options, as canonical JSON.</summary>
    public string ImportOptions { get => field; init => field = string.IsNullOrWhiteSpace(value) ? "{}" : value; } = "{}";

    /// <summary>Rows read from the file.</summary>
    public required long Rows { get => field; init => field = value < 0 ? throw new ReviewRuleException("Row count cannot be negative.") : value; }

    /// <summary>Cases in an event log (0 for feedback).</summary>
    public long Cases { get => field; init => field = value < 0 ? throw new ReviewRuleException("Case count cannot be negative.") : value; }

    /// <summary>Events in an event log, or records in a feedback file.</summary>
    public long Records { get => field; init => field = value < 0 ? throw new ReviewRuleException("Record count cannot be negative.") : value; }

    /// <summary>The SHA-256 of the file's bytes.</summary>
    public required ContentHash ContentHash { get => field; init => field = value.IsEmpty ? throw new ReviewRuleException("A data source needs the hash of its file.") : value; }

    /// <summary>When it was imported.</summary>
    public required DateTimeOffset ImportedAt { get; init; }

    /// <summary>Who imported it.</summary>
    public required string ImportedBy { get => field; init => field = Guard.Text(value, "Imported by", 200); }
}
