using Stepwise.Review.Common;

namespace Stepwise.Review.Access;

/// <summary>The rules of user names: short, printable, and unique without regard to case.</summary>
public static class UserNames
{
    /// <summary>The longest user name.</summary>
    public const int MaxLength = 100;

    /// <summary>Checks a user name and returns it trimmed.</summary>
    /// <exception cref="ReviewRuleException">It is empty, too long, or has a character other than letters, digits,
    /// space, '.', '-', '_', '@' and '''.</exception>
    public static string Check(string? name)
    {
        string value = Guard.Text(name, "User name", MaxLength);
        foreach (char c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or ' ' or '\''))
            {
                throw new ReviewRuleException($"User name '{Printable(value)}' has the character {Describe(c)}; use letters, digits, spaces and . - _ @ '.");
            }
        }

        return value;
    }

    /// <summary>The key under which a name is unique (case-folded).</summary>
    public static string Key(string name) => Check(name).ToUpperInvariant();

    private static string Describe(char c) => char.IsControl(c) ? $"U+{(int)c:X4} (a control character)" : $"'{c}'";

    private static string Printable(string value) => new([.. value.Select(c => char.IsControl(c) ? '?' : c)]);
}
