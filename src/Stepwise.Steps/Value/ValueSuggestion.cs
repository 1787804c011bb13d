namespace Stepwise.Steps.Value;

/// <summary>The value class of one step: suggested from the evidence with its reason, or set by the user.</summary>
/// <param name="Step">The step name.</param>
/// <param name="Class">The class.</param>
/// <param name="Reason">Why: the evidence behind a suggestion, or that the user set it.</param>
/// <param name="SetByUser">Whether the user set the class (overriding the suggestion).</param>
public sealed record ValueSuggestion(string Step, ValueClass Class, string Reason, bool SetByUser)
{
    /// <summary>The short code of a class: VA, BVA or NVA.</summary>
    public static string Code(ValueClass value) => value switch
    {
        ValueClass.ValueAdding => "VA",
        ValueClass.BusinessValueAdding => "BVA",
        _ => "NVA",
    };

    /// <summary>Parses VA, BVA, NVA (or the class names, any case, with or without hyphens).</summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static ValueClass Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return t switch
        {
            "VA" or "VALUEADDING" => ValueClass.ValueAdding,
            "BVA" or "BUSINESSVALUEADDING" => ValueClass.BusinessValueAdding,
            "NVA" or "NONVALUEADDING" => ValueClass.NonValueAdding,
            _ => throw new FormatException($"'{text}' is not a value class; expected VA, BVA or NVA."),
        };
    }
}
