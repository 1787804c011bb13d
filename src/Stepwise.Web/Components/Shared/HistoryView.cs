using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Stepwise.Review.Artefacts;
using Stepwise.Review.History;

namespace Stepwise.Web.Components.Shared;

/// <summary>
/// How the history page writes an entry for people: artefacts and fields in words, JSON values as plain text (a
/// string without its quotes, a list as its items, a time as a date and time in UTC, a SHA-256 shortened, a number
/// rounded to the digits that tell), a long value summarised with its whole text kept to be shown on request, and the
/// filters by artefact and person and the pages of the newest first.
/// </summary>
public static partial class HistoryView
{
    private const int LongValue = 300;

    /// <summary>Characters of a value shown before it is summarised (its whole text behind a disclosure).</summary>
    public const int ShortValue = 120;

    /// <summary>Entries on one page of the history.</summary>
    public const int PageSize = 25;

    /// <summary>Changed fields of an entry shown at once; more are listed on request.</summary>
    public const int OpenFields = 6;

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
        HistoryAction.Reported => "made a report with personal data from the",
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

    /// <summary>One page of <paramref name="entries"/> (0 the first), and the number of pages (at least one).</summary>
    public static (IReadOnlyList<T> Page, int Pages) PageOf<T>(IReadOnlyList<T> entries, int page)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int pages = Math.Max(1, (entries.Count + PageSize - 1) / PageSize);
        int at = Math.Clamp(page, 0, pages - 1) * PageSize;
        return ([.. entries.Skip(at).Take(PageSize)], pages);
    }

    /// <summary>A JSON value as plain text: strings without quotes, lists as their items, nothing as "(none)".</summary>
    public static string Value(string? json)
    {
        string text = Full(json);
        return text.Length > LongValue ? text[..LongValue] + "…" : text;
    }

    /// <summary>
    /// A JSON value as it is shown in a row of the history: whole when short, else its size ("7 fields", "12 items")
    /// and its start cut at a word; <c>Full</c> is its whole text, to be shown on request (null when it is short).
    /// </summary>
    public static (string Shown, string? Full) Summary(string? json)
    {
        string text = Full(json);
        if (text.Length <= ShortValue)
        {
            return (text, null);
        }

        string size = Size(json);
        int cut = text.LastIndexOf(' ', ShortValue);
        string start = (cut > ShortValue / 2 ? text[..cut] : text[..ShortValue]).TrimEnd(',', ';', ':', ' ');
        return ($"{size}{start}…", text);
    }

    /// <summary>A JSON value as plain text, whole.</summary>
    public static string Full(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "null")
        {
            return "(none)";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Plain(document.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>
    /// A number as people read it: a whole number as it is; else rounded to two decimals from 1 up (one from 100 up),
    /// to three significant digits below 1 (0.18612823189967778 is 0.186), and below 0.001 as a power of ten
    /// (0.000000026 is 2.6 × 10⁻⁸), without trailing zeros.
    /// </summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value) || (value == Math.Floor(value) && Math.Abs(value) < 1e15))
        {
            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        double magnitude = Math.Abs(value);
        if (magnitude < 0.001)
        {
            int exponent = (int)Math.Floor(Math.Log10(magnitude));
            double mantissa = Math.Round(value / Math.Pow(10, exponent), 2, MidpointRounding.AwayFromZero);
            if (Math.Abs(mantissa) >= 10)
            {
                mantissa /= 10;
                exponent++;
            }

            return mantissa.ToString("0.##", CultureInfo.InvariantCulture).Replace('-', '−') + "\u00A0×\u00A010" + Superscript(exponent);
        }

        int decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 2 - (int)Math.Floor(Math.Log10(magnitude));
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    private static string Superscript(int exponent)
        => string.Concat(exponent.ToString(CultureInfo.InvariantCulture).Select(c => c switch
        {
            '-' => '⁻',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            _ => (char)('⁰' + (c - '0')),
        }));

    private static string Size(string? json)
    {
        try
        {
            using var document = JsonDocument.Parse(json!);
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => $"{Labels.Count(root.GetArrayLength(), "item", "items")}: ",
                JsonValueKind.Object => $"{Labels.Count(root.EnumerateObject().Count(p => p.Value.ValueKind != JsonValueKind.Null && p.Name != "id" && !p.Name.EndsWith("_id", StringComparison.Ordinal)), "field", "fields")}: ",
                _ => string.Empty,
            };
        }
        catch (JsonException)
        {
            return string.Empty;
        }
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
        JsonValueKind.Number when element.TryGetDouble(out double number) && !IsWhole(element.GetRawText()) => Number(number),
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

    // A whole number is written as it is stored (25000 stays 25000, a big id-like number keeps every digit).
    private static bool IsWhole(string raw) => raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTime();

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256();
}
