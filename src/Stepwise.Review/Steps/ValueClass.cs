namespace Stepwise.Review.Steps;

/// <summary>How a step contributes value (lean value classification).</summary>
public enum ValueClass
{
    /// <summary>Not yet classified.</summary>
    Unclassified,

    /// <summary>The customer would pay for it.</summary>
    ValueAdding,

    /// <summary>The business needs it (e.g. regulation, control), though the customer would not pay for it.</summary>
    BusinessValueAdding,

    /// <summary>Waste: waiting, rework, hand-offs that add nothing.</summary>
    NonValueAdding,
}
