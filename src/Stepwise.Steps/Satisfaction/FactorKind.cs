namespace Stepwise.Steps.Satisfaction;

/// <summary>What splits cases into those with and those without a factor.</summary>
public enum FactorKind
{
    /// <summary>The case went through the step.</summary>
    Step,

    /// <summary>The case repeated the step (compared with cases that did it once).</summary>
    Rework,

    /// <summary>Work passed from one participant to another (directly, between consecutive events) in the case.</summary>
    Handover,

    /// <summary>The case followed the variant (path).</summary>
    Variant,
}
