using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Steps;

/// <summary>Puts an existing question (e.g. one the evidence raised) to stakeholders, who may then answer it as themselves.</summary>
public sealed record PutQuestionRequest
{
    /// <summary>The question: its id or a unique prefix of it.</summary>
    public required string Question { get; init; }

    /// <summary>The stakeholders to ask (names or ids); replaces whom it was put to before.</summary>
    public required IReadOnlyList<string> AskedOf { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("question", Question, 100).Texts("asked_of", AskedOf, 200);
        return AskedOf.Count == 0 ? v.Add("asked_of", "names nobody: give at least one stakeholder.") : v;
    }
}
