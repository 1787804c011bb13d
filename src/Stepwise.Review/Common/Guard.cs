using System.Globalization;

namespace Stepwise.Review.Common;

/// <summary>Checks of field values that throw <see cref="ReviewRuleException"/> with a message naming the field.</summary>
internal static class Guard
{
    public static string Text(string? value, string field, int maxLength = 4000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ReviewRuleException($"{field} is required.");
        }

        string trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new ReviewRuleException($"{field} is {trimmed.Length} characters long; at most {maxLength} are allowed.");
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int maxLength = 4000)
        => string.IsNullOrWhiteSpace(value) ? null : Text(value, field, maxLength);

    public static Guid Id(Guid value, string field)
        => value == Guid.Empty ? throw new ReviewRuleException($"{field} is required.") : value;

    public static decimal NonNegative(decimal value, string field)
        => value < 0 ? throw new ReviewRuleException($"{field} cannot be negative (got {value.ToString(CultureInfo.InvariantCulture)}).") : value;

    public static double Finite(double value, string field)
        => double.IsFinite(value) ? value : throw new ReviewRuleException($"{field} must be a finite number.");

    public static double NonNegative(double value, string field)
        => Finite(value, field) < 0 ? throw new ReviewRuleException($"{field} cannot be negative (got {value.ToString("R", CultureInfo.InvariantCulture)}).") : value;

    public static int Range(int value, int min, int max, string field)
        => value < min || value > max ? throw new ReviewRuleException($"{field} must be between {min} and {max} (got {value}).") : value;

    public static T Defined<T>(T value, string field)
        where T : struct, Enum
        => Enum.IsDefined(value) ? value : throw new ReviewRuleException($"{field} has an unknown value '{value}'.");

    public static IReadOnlyList<T> List<T>(IReadOnlyList<T>? items, string field)
    {
        if (items is null)
        {
            return [];
        }

        foreach (var item in items)
        {
            if (item is null)
            {
                throw new ReviewRuleException($"{field} contains an empty entry.");
            }
        }

        return [.. items];
    }

    public static IReadOnlyList<string> Names(IReadOnlyList<string>? items, string field)
    {
        if (items is null)
        {
            return [];
        }

        var result = new List<string>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            string name = Text(item, field);
            if (seen.Add(name))
            {
                result.Add(name);
            }
        }

        return result;
    }

    public static void Unique<T>(IReadOnlyList<T> items, Func<T, Guid> id, string what)
    {
        var seen = new HashSet<Guid>();
        foreach (var item in items)
        {
            if (!seen.Add(id(item)))
            {
                throw new ReviewRuleException($"{what} {id(item)} occurs twice.");
            }
        }
    }
}
