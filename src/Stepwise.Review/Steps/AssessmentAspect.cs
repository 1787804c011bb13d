namespace Stepwise.Review.Steps;

/// <summary>What an assessment of a step looks at.</summary>
public enum AssessmentAspect
{
    /// <summary>How the step affects customer satisfaction.</summary>
    CustomerSatisfaction,

    /// <summary>What the step costs.</summary>
    Cost,

    /// <summary>Whether the step meets rules and service levels.</summary>
    Compliance,
}
