namespace Stepwise.Review.Reviews;

/// <summary>The stages of a review, in the order a review goes through them.</summary>
public enum Stage
{
    /// <summary>Agreeing the process boundaries and the parameters for change.</summary>
    Scope,

    /// <summary>Analysing the process step by step on its data.</summary>
    Analyse,

    /// <summary>Challenging each step with the people who do it.</summary>
    Challenge,

    /// <summary>Evaluating improvement options.</summary>
    Evaluate,

    /// <summary>Deciding: recommendations put up for sign-off.</summary>
    Decide,

    /// <summary>Carrying out the plan.</summary>
    Implement,

    /// <summary>Monitoring the results against the baseline.</summary>
    Monitor,

    /// <summary>Finished.</summary>
    Closed,
}
