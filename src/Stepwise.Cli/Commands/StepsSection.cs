namespace Stepwise.Cli.Commands;

/// <summary>The parts <c>stepwise steps</c> prints.</summary>
[Flags]
internal enum StepsSection
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>One row per step.</summary>
    Scorecard = 1,

    /// <summary>Satisfaction gaps of every step, rework, hand-over and variant, and how the feedback linked.</summary>
    Satisfaction = 2,

    /// <summary>Cost per step, per variant and the costliest cases.</summary>
    Cost = 4,

    /// <summary>Every rule's result and the violating cases with the events that prove them.</summary>
    Compliance = 8,

    /// <summary>The questions, ranked.</summary>
    Questions = 16,

    /// <summary>The value class of each step with its reason.</summary>
    Values = 32,

    /// <summary>Everything.</summary>
    All = Scorecard | Satisfaction | Cost | Compliance | Questions | Values,
}
