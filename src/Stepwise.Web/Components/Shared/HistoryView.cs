using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Stepwise.Review.Artefacts;
using Stepwise.Review.History;

namespace Stepwise.Web.Components.Shared;

/// <summary>
/// How the history page writes an entry for people: artefacts and fields in words, JSON values as plain text (a
/// string without its quotes, a list as its items, a time as a date and time in UTC, a SHA-256 shortened), and the
/// filters by artefact and person.
/// </summary>
public static partial class HistoryView
{
    private const int LongValue = 300;

    /// <summary>The entries about one kind of artefact (empty: any) and by one person (empty: anyone).</summary>
    public static IEnumerable<HistoryEntry> Filter(IEnumerable<HistoryEntry> entries, string kind, string person)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Where(e =>
            (string.IsNullOrEmpty(kind) || e.Artefact.Kind.ToString() == kind) &&
            (string.IsNullOrEmpty(person) || string.Equals(e.By, person, StringComparison.Ordinal)));
    }

    /// <summary>An artefact kind in words: <c>ImplementationPlan</c> → "implementation plan".</summary>
    public static string Describe(ArtefactKind kind) => Stepwise.Review.Workspaces.Workspace.Describe(kind);

    /// <summary>What an action did, as a verb.</summary>
    public static string Verb(HistoryAction action) => action switch
    {
        HistoryAction.Created => "created the",
        HistoryAction.Changed => "changed the",
        HistoryAction.StageMoved => "moved the stage of the",
        HistoryAction.SignedOff => "signed off the",
        HistoryAction.Imported => "imported data into the",
        _ => action.ToString(),
    };

    /// <summary>A changed field's path in words: <c>change.budget_cap</c> → "change › budget cap".</summary>
    public static string FieldName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path is "$" or "(whole)")
        {
            return "everything";
        }

        return string.Join(" › ", path.TrimStart('$', '.').Split('.', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Replace('_', ' ')));
    }

    /// <summary>A JSON value as plain text: strings without quotes, lists as their items, nothing as "(none)".</summary>
    public static string Value(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "null")
        {
            return "(none)";
        }

        string text;
        try
        {
            using var document = JsonDocument.Parse(json);
            text = Plain(document.RootElement);
        }
        catch (JsonException)
        {
            text = json;
        }

        return text.Length > LongValue ? text[..LongValue] + "…" : text;
    }

    private static string Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Text(element.GetString() ?? string.Empty),
        JsonValueKind.Array => element.GetArrayLength() == 0 ? "(none)" : string.Join(", ", element.EnumerateArray().Select(Plain)),
        // Ids mean nothing to people and the history names the artefact already.
        JsonValueKind.Object => string.Join("; ", element.EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Null && p.Name != "id" && !p.Name.EndsWith("_id", StringComparison.Ordinal))
            .Select(p => p.Name.Replace('_', ' ') + ": " + Plain(p.Value))),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null => "(none)",
        _ => element.GetRawText(),
    };

    /// <summary>
    /// A string value as people read it: an ISO 8601 time ("2026-12-02T00:34:53.110493+00:00") as "2 Dec 2026 00:34
    /// UTC", a midnight UTC or a date alone as the day ("1 Jun 2012"), a SHA-256 in hex as its first twelve digits;
    /// anything else as it is.
    /// </summary>
    private static string Text(string value)
    {
        if (IsoTime().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var utc = at.ToUniversalTime();
            return utc.TimeOfDay == TimeSpan.Zero ? Labels.Date(utc) : Labels.Time(utc);
        }

        return Sha256().IsMatch(value) ? Labels.ShortHash(value) + "…" : value;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTime();

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256();
}
