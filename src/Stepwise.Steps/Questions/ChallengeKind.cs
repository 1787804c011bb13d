namespace Stepwise.Steps.Questions;

/// <summary>How a question challenges a step (the classic re-engineering challenges).</summary>
public enum ChallengeKind
{
    /// <summary>Could the step (or its repeat) be dropped?</summary>
    Eliminate,

    /// <summary>Could it be merged with the step before or after, or done by one person?</summary>
    Combine,

    /// <summary>Could it happen earlier, later or in parallel?</summary>
    Resequence,

    /// <summary>Could it be made simpler, standard, right first time?</summary>
    Simplify,

    /// <summary>Could a system do it?</summary>
    Automate,

    /// <summary>Could customers do it themselves?</summary>
    SelfService,

    /// <summary>Why is it done this way, and what does the customer experience?</summary>
    AskWhy,
}
