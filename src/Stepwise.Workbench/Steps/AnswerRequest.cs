using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Steps;

/// <summary>
/// An answer to a challenge question. Without <see cref="Stakeholder"/> (or naming the stakeholder bound to the
/// caller's account) it is the caller's own answer; naming someone else, an owner or analyst records it on their
/// behalf, and the answer says so and by whom.
/// </summary>
public sealed record AnswerRequest
{
    /// <summary>The question: its id or a unique prefix of it.</summary>
    public required string Question { get; init; }

    /// <summary>The answer.</summary>
    public required string Text { get; init; }

    /// <summary>Whose answer (name or id); the stakeholder bound to the caller when empty.</summary>
    public string? Stakeholder { get; init; }

    /// <summary>The question's version the answer was written against (its ETag), or null for the current one.</summary>
    public long? Version { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("question", Question, 100).Text("text", Text, 4000).Text("stakeholder", Stakeholder, 200, required: false);
        return Version is < 1 ? v.Add("version", "must be 1 or more.") : v;
    }
}
