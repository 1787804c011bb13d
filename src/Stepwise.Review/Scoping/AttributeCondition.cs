using Stepwise.Review.Common;

namespace Stepwise.Review.Scoping;

/// <summary>Keeps (or drops) the cases whose attribute, e.g. channel or case type, has one of the listed values.</summary>
public sealed record AttributeCondition
{
    /// <summary>Creates a condition.</summary>
    /// <exception cref="ReviewRuleException">The attribute is unnamed or no value is listed.</exception>
    public AttributeCondition(string attribute, IReadOnlyList<string> values, bool exclude = false, AttributeRole role = AttributeRole.Other)
    {
        Role = Guard.Defined(role, "Scope attribute role");
        Attribute = Guard.Text(attribute, "Scope attribute name", 200);
        Values = Guard.Names(values, $"Value of scope attribute '{Attribute}'");
        if (Values.Count == 0)
        {
            throw new ReviewRuleException($"Scope attribute '{Attribute}' lists no values.");
        }

        Exclude = exclude;
    }

    /// <summary>The attribute's name (case attribute, or event attribute matched on any event).</summary>
    public string Attribute { get; }

    /// <summary>The values matched.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>What the attribute stands for in the scope's words: a channel, a case type, or another attribute.</summary>
    public AttributeRole Role { get; }

    /// <summary>True to drop the matching cases instead of keeping them.</summary>
    public bool Exclude { get; }
}
