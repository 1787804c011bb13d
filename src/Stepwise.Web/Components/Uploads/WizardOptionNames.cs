using Stepwise.Mining.IO;

namespace Stepwise.Web.Components.Uploads;

/// <summary>
/// The import wizard's names for the read options, so that a message about the file names the field to change on
/// the page ("Name them with the “Case id” field"), not a command-line option. Options the wizard does not offer keep
/// the command line's name, said to be the command line's.
/// </summary>
public static class WizardOptionNames
{
    /// <summary>The names, as the wizard's labels read.</summary>
    public static ReadOptionNames Names { get; } = new()
    {
        Case = "the “Case id” field",
        Activity = "the “Activity” field",
        Timestamp = "the “Timestamp (completed)” field",
        StartTimestamp = "the “Start timestamp” field",
        Resource = "the “Resource” field",
        Lifecycle = "the “Lifecycle” field",
        CaseAttributes = "the columns with one value per case",
        TimestampFormat = "the “How timestamps are written” field",
        TimeZone = "the “Time zone” field",
        Classifier = "the “Activity classifier” field",
        SkipBadRows = "the “Import the readable rows and list the others” box",
        LifecycleHandling = "the command line's --lifecycle-mode",
        IgnoredColumns = "the command line's --ignore-columns",
        Delimiter = "the command line's --delimiter",
        Encoding = "the command line's --encoding",
        ZipEntry = "the command line's --zip-entry",
        Sheet = "the command line's --sheet",
        MaxExpanded = "the server's upload limits",
        MaxRows = "the server's row limit",
    };
}
