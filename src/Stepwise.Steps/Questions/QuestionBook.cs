namespace Stepwise.Steps.Questions;

/// <summary>
/// The users' side of the questions: answers to generated questions (by id), questions of their own, and the improvement
/// options questions were turned into. Read from a question book file (<see cref="QuestionBookFile"/>) or kept by the
/// review domain.
/// </summary>
/// <param name="Entries">The entries, in file order.</param>
public sealed record QuestionBook(IReadOnlyList<QuestionBookEntry> Entries)
{
    /// <summary>An empty book.</summary>
    public static QuestionBook Empty { get; } = new([]);
}
