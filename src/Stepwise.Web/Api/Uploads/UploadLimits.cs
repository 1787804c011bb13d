using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Stepwise.Web.Api.Uploads;

/// <summary>
/// The bounds on what a client may upload, from configuration (<c>Stepwise:Api:MaxUploadMb</c>,
/// <c>Stepwise:Api:MaxExpandedMb</c>, <c>Stepwise:Api:MaxRows</c>): the bytes sent, how far a compressed file may
/// expand while it is read, and how many rows an uploaded file may hold (an event log's events, a feedback file's responses, a population's
/// units), enforced by the readers as they read (a
/// client may ask for less with <c>max_expanded_mb</c> and <c>max_rows</c>, never more). The record owns its defaults
/// and checks.
/// </summary>
public sealed record UploadLimits
{
    /// <summary>The largest upload accepted by default, in MB.</summary>
    public const long DefaultMaxUploadMb = 1024;

    /// <summary>How far a compressed upload may expand by default, in MB.</summary>
    public const long DefaultMaxExpandedMb = 4096;

    /// <summary>The most rows (events) an uploaded event log may hold by default.</summary>
    public const long DefaultMaxRows = 20_000_000;

    /// <summary>The most rows an uploaded file may hold: an event log's rows (XES: events), a feedback file's
    /// responses, a population's or a sample's units.</summary>
    public long MaxRows { get; init; } = DefaultMaxRows;

    /// <summary>The largest upload accepted, in MB.</summary>
    public long MaxUploadMb { get; init; } = DefaultMaxUploadMb;

    /// <summary>How far a compressed upload may expand, in MB.</summary>
    public long MaxExpandedMb { get; init; } = DefaultMaxExpandedMb;

    /// <summary>
    /// The folder under which each upload gets a private folder while it is read (<c>Stepwise:Api:UploadFolder</c>, e.g.
    /// a disk with room for large logs); null for the system's temporary folder.
    /// </summary>
    public string? Folder { get; init; }

    /// <summary>The largest upload accepted, in bytes.</summary>
    public long MaxUploadBytes => MaxUploadMb * 1024 * 1024;

    /// <summary>Reads the limits from configuration.</summary>
    /// <exception cref="InvalidOperationException">A limit is not a positive whole number of MB.</exception>
    public static UploadLimits From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new UploadLimits
        {
            MaxUploadMb = Read(configuration, "Stepwise:Api:MaxUploadMb", DefaultMaxUploadMb),
            MaxExpandedMb = Read(configuration, "Stepwise:Api:MaxExpandedMb", DefaultMaxExpandedMb),
            MaxRows = Read(configuration, "Stepwise:Api:MaxRows", DefaultMaxRows, Array.MaxLength, "rows"),
            Folder = string.IsNullOrWhiteSpace(configuration["Stepwise:Api:UploadFolder"]) ? null : Path.GetFullPath(configuration["Stepwise:Api:UploadFolder"]!),
        };
    }

    /// <summary>
    /// The row bound for one uploaded file (event log, feedback, population or sample): what the client asked for
    /// (<c>max_rows</c>), never more than <see cref="MaxRows"/>, which applies when it asked for nothing.
    /// </summary>
    /// <exception cref="Workbench.Problems.StepwiseException">The client asked for more than this server reads.</exception>
    public long Rows(long? asked)
    {
        if (asked is { } rows && rows > MaxRows)
        {
            throw Workbench.Problems.StepwiseException.Invalid("max_rows", $"may be at most {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} on this server (got {rows.ToString("N0", CultureInfo.InvariantCulture)}).");
        }

        return asked ?? MaxRows;
    }

    /// <summary>Creates a folder for one upload under <see cref="Folder"/>, readable by this server's user only.</summary>
    public string CreatePrivateFolder(string prefix) => CreatePrivateFolder(Folder, prefix);

    /// <summary>Creates a folder for one upload under <paramref name="parent"/> (null: the system's temporary folder), readable by this server's user only.</summary>
    public static string CreatePrivateFolder(string? parent, string prefix)
    {
        string folder;
        if (parent is null)
        {
            folder = Directory.CreateTempSubdirectory(prefix).FullName;
        }
        else
        {
            Directory.CreateDirectory(parent);
            folder = Path.Combine(parent, prefix + Path.GetRandomFileName());
            Directory.CreateDirectory(folder);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }

    private static long Read(IConfiguration configuration, string key, long fallback, long maximum = 1L << 20, string unit = "MB")
    {
        string? text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value >= 1 && value <= maximum
            ? value
            : throw new InvalidOperationException($"{key} must be a whole number of {unit} between 1 and {maximum.ToString(CultureInfo.InvariantCulture)} (got '{text}').");
    }
}
