using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Stepwise.Web.Api.Uploads;

/// <summary>
/// The bounds on what a client may upload, from configuration (<c>Stepwise:Api:MaxUploadMb</c>,
/// <c>Stepwise:Api:MaxExpandedMb</c>): the bytes sent, and how far a compressed file may expand while it is read
/// (a client may ask for less with <c>max_expanded_mb</c>, never more). The record owns its defaults and checks.
/// </summary>
public sealed record UploadLimits
{
    /// <summary>The largest upload accepted by default, in MB.</summary>
    public const long DefaultMaxUploadMb = 1024;

    /// <summary>How far a compressed upload may expand by default, in MB.</summary>
    public const long DefaultMaxExpandedMb = 4096;

    /// <summary>The largest upload accepted, in MB.</summary>
    public long MaxUploadMb { get; init; } = DefaultMaxUploadMb;

    /// <summary>How far a compressed upload may expand, in MB.</summary>
    public long MaxExpandedMb { get; init; } = DefaultMaxExpandedMb;

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
        };
    }

    private static long Read(IConfiguration configuration, string key, long fallback)
    {
        string? text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value is >= 1 and <= 1L << 20
            ? value
            : throw new InvalidOperationException($"{key} must be a whole number of MB between 1 and {1L << 20} (got '{text}').");
    }
}
