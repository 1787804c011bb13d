using System.Text.Json.Nodes;
using Stepwise.Review.Common;

namespace Stepwise.Review.History;

/// <summary>
/// The field-level difference of two canonical JSON documents: objects are compared key by key, recursively;
/// arrays and values are compared whole (a list that changed is one change, shown before and after).
/// </summary>
public static class JsonDiff
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/> (either may be null for none).</summary>
    public static IReadOnlyList<FieldChange> Compare(string? before, string? after)
    {
        var changes = new List<FieldChange>();
        Compare(string.Empty, before is null ? null : JsonNode.Parse(before), after is null ? null : JsonNode.Parse(after), changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                a.TryGetPropertyValue(key, out var x);
                b.TryGetPropertyValue(key, out var y);
                Compare(path.Length == 0 ? key : path + "." + key, x, y, changes);
            }

            return;
        }

        string? left = before is null ? null : CanonicalJson.Canonicalize(before);
        string? right = after is null ? null : CanonicalJson.Canonicalize(after);
        if (!string.Equals(left, right, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(path.Length == 0 ? "(whole)" : path, left, right));
        }
    }
}
