namespace Stepwise.Steps.Value;

/// <summary>The lean value class of a step.</summary>
public enum ValueClass
{
    /// <summary>Changes the case in a way the customer wants and would pay for (resolving, answering, delivering).</summary>
    ValueAdding,

    /// <summary>Adds no value for the customer but the business needs it (registration, checks the law requires, closing).</summary>
    BusinessValueAdding,

    /// <summary>Neither: waiting, moving work about, repeating or correcting it.</summary>
    NonValueAdding,
}
