namespace Stepwise.Mining.Attributes;

/// <summary>The type of values an attribute column holds.</summary>
public enum AttributeKind
{
    /// <summary>Text, dictionary-encoded.</summary>
    String,

    /// <summary>64-bit signed integers.</summary>
    Integer,

    /// <summary>Double-precision numbers.</summary>
    Float,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>Instants, stored as UTC ticks.</summary>
    Timestamp,
}
