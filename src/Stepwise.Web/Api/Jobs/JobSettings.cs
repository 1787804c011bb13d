using System.Globalization;
using Microsoft.Extensions.Configuration;
using Stepwise.Workbench.Jobs;

namespace Stepwise.Web.Api.Jobs;

/// <summary>
/// How the server runs jobs, from configuration: how many at once (<c>Stepwise:Api:JobSlots</c>, default 2) and how
/// long a job that has ended is kept in the workspace (<c>Stepwise:Api:JobRetentionDays</c>, default 7, fractions
/// allowed). The record owns its defaults and checks.
/// </summary>
public sealed record JobSettings
{
    /// <summary>How many jobs run at once by default.</summary>
    public const int DefaultSlots = 2;

    /// <summary>How often, at most, a running job's progress is written to the workspace.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>The smallest change of progress worth writing (one percentage point).</summary>
    public const double ProgressStep = 0.01;

    /// <summary>How many jobs run at once; the others wait, queued.</summary>
    public int Slots { get => field; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Slots), value, "At least one job must be able to run."); } = DefaultSlots;

    /// <summary>How long a job that has ended is kept.</summary>
    public TimeSpan Retention { get => field; init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Retention), value, "Jobs must be kept for some time."); } = JobUseCases.DefaultRetention;

    /// <summary>Reads the settings from configuration.</summary>
    /// <exception cref="InvalidOperationException">A setting is not a positive number, naming the setting.</exception>
    public static JobSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new JobSettings();
        if (configuration["Stepwise:Api:JobSlots"] is { Length: > 0 } slots)
        {
            settings = settings with
            {
                Slots = int.TryParse(slots, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 64
                    ? n
                    : throw new InvalidOperationException($"Stepwise:Api:JobSlots must be a whole number from 1 to 64 (got '{slots}')."),
            };
        }

        if (configuration["Stepwise:Api:JobRetentionDays"] is { Length: > 0 } days)
        {
            settings = settings with
            {
                Retention = double.TryParse(days, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double d) && d > 0 && d <= 3650
                    ? TimeSpan.FromDays(d)
                    : throw new InvalidOperationException($"Stepwise:Api:JobRetentionDays must be a number of days above 0 and at most 3650, e.g. 7 or 0.5 (got '{days}')."),
            };
        }

        return settings;
    }
}
