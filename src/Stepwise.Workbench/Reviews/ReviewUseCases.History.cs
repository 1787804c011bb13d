using System.Text.Json;
using System.Text.RegularExpressions;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Decisions;
using Stepwise.Review.History;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Steps;
using Stepwise.Workbench.Access;

namespace Stepwise.Workbench.Reviews;

/// <summary>The history as people read it: names, not ids, and old and new values.</summary>
public sealed partial class ReviewUseCases
{
    /// <summary>
    /// The history of a review (or of one artefact), oldest first, each line naming the artefact and showing every
    /// changed field's old and new value with ids replaced by names.
    /// </summary>
    public IReadOnlyList<HistoryLine> HistoryLines(Actor actor, Guid reviewId, ArtefactRef? artefact = null)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        var names = Names(reviewId);
        var labels = new Dictionary<ArtefactRef, string>();
        string Label(ArtefactRef a)
        {
            if (!labels.TryGetValue(a, out var label))
            {
                label = _bench.Workspace.Label(reviewId, a);
                labels[a] = label;
            }

            return label;
        }

        return [.. _bench.Workspace.History(reviewId, artefact).Select(h => new HistoryLine(
            h.Sequence, h.At, h.By, h.Action, Label(h.Artefact), h.Version, Readable(h.Summary, names),
            [.. h.Changes.Select(c => new ChangeLine(Readable(c.Path, names), Value(c.Before, names), Value(c.After, names)))]))];
    }

    /// <summary>The name of everything with an id in a review: people, steps, questions, options, recommendations, tasks, KPIs, data.</summary>
    internal Dictionary<Guid, string> Names(Guid reviewId)
    {
        var ws = _bench.Workspace;
        var names = new Dictionary<Guid, string> { [reviewId] = "this review" };
        foreach (var s in ws.List<Stakeholder>(reviewId))
        {
            names[s.Value.Id] = s.Value.Name;
        }

        foreach (var m in ws.List<ReviewMember>(reviewId))
        {
            // The user name the review holds, not the account's display name: the same in every workspace it moves to.
            names.TryAdd(m.Value.Id, m.Value.UserName);
        }

        foreach (var s in ws.List<Step>(reviewId))
        {
            names[s.Value.Id] = $"step '{s.Value.Name}'";
        }

        foreach (var q in ws.List<ChallengeQuestion>(reviewId))
        {
            names[q.Value.Id] = $"question '{Clip(q.Value.Text, 60)}'";
        }

        foreach (var o in ws.List<ImprovementOption>(reviewId))
        {
            names[o.Value.Id] = $"option '{o.Value.Title}'";
        }

        foreach (var r in ws.List<Recommendation>(reviewId))
        {
            names[r.Value.Id] = $"recommendation '{r.Value.Title}'";
        }

        foreach (var t in ws.Find<ImplementationPlan>(reviewId, reviewId)?.Value.Tasks ?? [])
        {
            names[t.Id] = $"task '{t.Title}'";
        }

        foreach (var k in ws.Find<MonitoringPlan>(reviewId, reviewId)?.Value.Kpis ?? [])
        {
            names[k.Id] = $"KPI '{k.Name}'";
        }

        foreach (var d in ws.DataSources(reviewId))
        {
            names[d.Id] = d.FileName;
        }

        foreach (var s in ws.SignOffs(reviewId))
        {
            names.TryAdd(s.SignOff.StakeholderId, s.SignOff.Name);
        }

        return names;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    private static string Readable(string text, Dictionary<Guid, string> names)
        => GuidPattern().Replace(text, m => Guid.TryParse(m.Value, out var id) && names.TryGetValue(id, out var name) ? name : m.Value);

    /// <summary>A stored JSON value as people read it: text without quotes, lists joined, ids replaced by names.</summary>
    private static string? Value(string? json, Dictionary<Guid, string> names)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Readable(Render(document.RootElement), names);
        }
        catch (JsonException)
        {
            return Readable(json, names);
        }
    }

    private static string Render(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Null => "(none)",
        JsonValueKind.Array => e.GetArrayLength() == 0 ? "(none)" : string.Join("; ", e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object ? x.GetRawText() : Render(x))),
        _ => e.GetRawText(),
    };

    private static string Clip(string text, int max)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
