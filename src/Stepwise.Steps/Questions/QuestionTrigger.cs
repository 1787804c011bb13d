namespace Stepwise.Steps.Questions;

/// <summary>The evidence that raised a question.</summary>
public enum QuestionTrigger
{
    /// <summary>The step is repeated in many of its cases.</summary>
    Rework,

    /// <summary>Waiting dominates the step's time.</summary>
    Waiting,

    /// <summary>Work bounces back at the step (A to B and straight back to A).</summary>
    Bounce,

    /// <summary>The step is mostly handed over, and hand-overs add waiting.</summary>
    Handover,

    /// <summary>The step costs much and adds no value for the customer.</summary>
    CostForValue,

    /// <summary>Cases through the step (or repeating it, or with a hand-over) are less satisfied.</summary>
    Satisfaction,

    /// <summary>Cases break a rule at the step.</summary>
    Violation,

    /// <summary>Resources perform the step very differently.</summary>
    ResourceVariation,

    /// <summary>A short, frequent step a system or the customer could do.</summary>
    Automation,

    /// <summary>The step nearly always directly follows another.</summary>
    Sequence,

    /// <summary>The step is non-value-adding.</summary>
    NonValueAdding,

    /// <summary>The wait before the step is set by a timer (a rule of the system), not by work.</summary>
    Timer,

    /// <summary>Asked by a user.</summary>
    User,
}
