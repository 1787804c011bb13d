using System.Text.Json.Nodes;
using Stepwise.Review.Common;

namespace Stepwise.Review.History;

/// <summary>
/// The field-level difference of two canonical JSON documents: objects are compared key by key, recursively; lists of
/// objects that each have an <c>id</c> (tasks, KPIs, members of a list) are compared item by item by id, with the
/// path <c>list[id]</c>; other lists and values are compared whole (a list that changed is one change, shown before
/// and after). A document created or removed lists each of its top-level fields.
/// </summary>
public static class JsonDiff
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/> (either may be null for none).</summary>
    public static IReadOnlyList<FieldChange> Compare(string? before, string? after)
    {
        var changes = new List<FieldChange>();
        var left = before is null ? null : JsonNode.Parse(before);
        var right = after is null ? null : JsonNode.Parse(after);

        // A new (or removed) object is shown field by field, as if compared with an empty one.
        left ??= right is JsonObject ? new JsonObject() : null;
        right ??= left is JsonObject ? new JsonObject() : null;
        Compare(string.Empty, left, right, changes);
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

        if (before is JsonArray left && after is JsonArray right && Keyed(left) is { } byIdBefore && Keyed(right) is { } byIdAfter)
        {
            foreach (var id in byIdBefore.Keys.Union(byIdAfter.Keys))
            {
                byIdBefore.TryGetValue(id, out var x);
                byIdAfter.TryGetValue(id, out var y);
                string item = $"{path}[{id}]";
                if (x is null || y is null)
                {
                    changes.Add(new FieldChange(item, x is null ? null : CanonicalJson.Canonicalize(x), y is null ? null : CanonicalJson.Canonicalize(y)));
                }
                else
                {
                    Compare(item, x, y, changes);
                }
            }

            return;
        }

        string? l = before is null ? null : CanonicalJson.Canonicalize(before);
        string? r = after is null ? null : CanonicalJson.Canonicalize(after);
        if (!string.Equals(l, r, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(path.Length == 0 ? "(whole)" : path, l, r));
        }
    }

    /// <summary>The items of a non-empty list by their <c>id</c>, in order, when every item is an object with a distinct text id.</summary>
    private static Dictionary<string, JsonNode>? Keyed(JsonArray list)
    {
        if (list.Count == 0)
        {
            return null;
        }

        var byId = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is not JsonObject o || !o.TryGetPropertyValue("id", out var id) || id is not JsonValue v || !v.TryGetValue<string>(out var text) || !byId.TryAdd(text, item))
            {
                return null;
            }
        }

        return byId;
    }
}
