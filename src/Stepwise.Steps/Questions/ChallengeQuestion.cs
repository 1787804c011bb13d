namespace Stepwise.Steps.Questions;

/// <summary>
/// A question that challenges a step, with the numbers that raised it and its impact. Impact is the share of the
/// process's whole at stake: cases affected times what is at stake per case (time, cost or satisfaction points), divided
/// by the same quantity for the whole process (summed throughput time, total cost, every case times the scale's range,
/// or all cases), so questions in different units can be ranked together.
/// </summary>
/// <param name="Id">A stable id (trigger and subject), by which a user's answer finds the question again.</param>
/// <param name="Step">The step challenged.</param>
/// <param name="Trigger">The evidence that raised it.</param>
/// <param name="Challenge">How it challenges the step.</param>
/// <param name="Text">The question.</param>
/// <param name="Evidence">The numbers that triggered it.</param>
/// <param name="CasesAffected">Cases affected.</param>
/// <param name="StakePerCase">What is at stake per affected case, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit of the stake.</param>
/// <param name="Impact">The share of the process's whole at stake (NaN for a user's question).</param>
/// <param name="Origin">Generated or added by a user.</param>
/// <param name="Answer">The answer, when given.</param>
/// <param name="AnsweredBy">Who answered.</param>
/// <param name="Option">The improvement option the question was turned into, when it was.</param>
public sealed record ChallengeQuestion(
    string Id,
    string Step,
    QuestionTrigger Trigger,
    ChallengeKind Challenge,
    string Text,
    string Evidence,
    int CasesAffected,
    double StakePerCase,
    ImpactUnit Unit,
    double Impact,
    QuestionOrigin Origin = QuestionOrigin.Generated,
    string? Answer = null,
    string? AnsweredBy = null,
    string? Option = null);
