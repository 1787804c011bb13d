namespace Stepwise.Steps.Questions;

/// <summary>One entry of a question book: either an answer to a generated question (<see cref="Id"/> set) or a question
/// of the user's own (<see cref="Step"/> and <see cref="Question"/> set).</summary>
/// <param name="Id">The id of the generated question answered, or null for a user's own question.</param>
/// <param name="Step">The step a user's question is about.</param>
/// <param name="Question">The user's question.</param>
/// <param name="Challenge">How the user's question challenges the step.</param>
/// <param name="Answer">The answer, when given.</param>
/// <param name="AnsweredBy">Who answered.</param>
/// <param name="Option">The improvement option the question was turned into.</param>
/// <param name="Line">The line of the file the entry starts on, for messages.</param>
public sealed record QuestionBookEntry(string? Id, string? Step, string? Question, ChallengeKind Challenge, string? Answer, string? AnsweredBy, string? Option, int Line);
