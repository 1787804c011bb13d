using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reviews;

/// <summary>An entry of the communication log: who was told what, when, how, and about which artefact.</summary>
public sealed record CommunicationRequest
{
    /// <summary>The stakeholders told (names or ids), or <c>all</c>.</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>What they were told.</summary>
    public required string Message { get; init; }

    /// <summary>How: meeting, e-mail, briefing, intranet, ...</summary>
    public required string Channel { get; init; }

    /// <summary>When (ISO-8601); now when empty.</summary>
    public string? At { get; init; }

    /// <summary>The artefact shared: scope, evaluation, plan, monitoring, recommendation:TITLE, option:TITLE or data:FILE.</summary>
    public string? About { get; init; }

    /// <summary>Checks every field; returns the time, if given.</summary>
    public DateTimeOffset? Parse()
    {
        var v = new Validation().Texts("to", To, 200).Text("message", Message, 4000).Text("channel", Channel, 100).Text("about", About, 400, required: false);
        if (To.Count == 0)
        {
            v.Add("to", "names nobody: give the stakeholders told, or all.");
        }

        var at = v.Instant("at", At);
        v.ThrowIfAny();
        return at;
    }
}
