using System.Text.Json;
using Stepwise.Review.Artefacts;
using Stepwise.Review.History;

namespace Stepwise.Web.Components.Shared;

/// <summary>
/// How the history page writes an entry for people: artefacts and fields in words, JSON values as plain text (a
/// string without its quotes, a list as its items), and the filters by artefact and person.
/// </summary>
public static class HistoryView
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
        JsonValueKind.String => element.GetString() ?? string.Empty,
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
}
