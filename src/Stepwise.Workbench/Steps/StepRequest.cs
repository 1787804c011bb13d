using Stepwise.Review.Steps;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Steps;

/// <summary>Adds a step the data does not show (manual work), or changes a step's lane, owner or value class.</summary>
public sealed record StepRequest
{
    /// <summary>The step's name (an existing step is changed).</summary>
    public required string Name { get; init; }

    /// <summary>The team or role that does it.</summary>
    public string? Lane { get; init; }

    /// <summary>The person who answers for it.</summary>
    public string? Owner { get; init; }

    /// <summary>Its value class: value-adding (va), business-value-adding (bva), non-value-adding (nva) or unclassified.</summary>
    public string? Value { get; init; }

    /// <summary>Checks every field and returns the value class, if given.</summary>
    public ValueClass? Parse()
    {
        var v = new Validation().Text("name", Name, 200).Text("lane", Lane, 200, required: false).Text("owner", Owner, 200, required: false);
        ValueClass? value = Value?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "va" or "value-adding" => ValueClass.ValueAdding,
            "bva" or "business-value-adding" => ValueClass.BusinessValueAdding,
            "nva" or "non-value-adding" or "waste" => ValueClass.NonValueAdding,
            "unclassified" => ValueClass.Unclassified,
            _ => v.Enum<ValueClass>("value", Value),
        };
        v.ThrowIfAny();
        return value;
    }
}
