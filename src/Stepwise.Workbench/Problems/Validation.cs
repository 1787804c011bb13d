using System.Globalization;

namespace Stepwise.Workbench.Problems;

/// <summary>
/// Collects field errors while a request checks itself, so that every bad field is reported at once, in the same
/// words whatever the host. Requests call it from their <c>Validate</c> method.
/// </summary>
public sealed class Validation
{
    private readonly List<FieldError> _errors = [];

    /// <summary>The errors found so far.</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>Adds an error.</summary>
    public Validation Add(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return this;
    }

    /// <summary>Requires non-blank text of at most <paramref name="maxLength"/> characters without control characters.</summary>
    public Validation Text(string field, string? value, int maxLength = 4000, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, "is required.") : this;
        }

        if (value.Trim().Length > maxLength)
        {
            return Add(field, $"is {value.Trim().Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {maxLength.ToString(CultureInfo.InvariantCulture)} are allowed.");
        }

        return NoControl(field, value, allowNewLines: maxLength > 200);
    }

    /// <summary>Refuses control characters (newlines are allowed in long text when <paramref name="allowNewLines"/>).</summary>
    public Validation NoControl(string field, string? value, bool allowNewLines = false)
    {
        if (value is null)
        {
            return this;
        }

        foreach (char c in value)
        {
            if (char.IsControl(c) && !(allowNewLines && c is '\n' or '\r' or '\t'))
            {
                return Add(field, $"contains the control character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}; remove it.");
            }
        }

        return this;
    }

    /// <summary>Requires a number at or above a minimum.</summary>
    public Validation AtLeast(string field, decimal? value, decimal minimum)
        => value is { } v && v < minimum ? Add(field, $"must be at least {minimum.ToString(CultureInfo.InvariantCulture)} (got {v.ToString(CultureInfo.InvariantCulture)}).") : this;

    /// <summary>Requires a number within a range.</summary>
    public Validation Between(string field, double? value, double minimum, double maximum)
    {
        if (value is not { } v)
        {
            return this;
        }

        return !double.IsFinite(v) || v < minimum || v > maximum
            ? Add(field, $"must be between {minimum.ToString(CultureInfo.InvariantCulture)} and {maximum.ToString(CultureInfo.InvariantCulture)} (got {v.ToString(CultureInfo.InvariantCulture)}).")
            : this;
    }

    /// <summary>Requires a defined enum value.</summary>
    public Validation Defined<T>(string field, T value)
        where T : struct, Enum
        => System.Enum.IsDefined(value) ? this : Add(field, $"must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");

    /// <summary>Throws when any error was found.</summary>
    /// <exception cref="StepwiseException">An <see cref="ProblemKind.InvalidValue"/> problem listing every error.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new StepwiseException(_errors);
        }
    }

    /// <summary>Parses an enum by name without regard to case, adding an error naming the valid values when it is not one.</summary>
    public T? Enum<T>(string field, string? value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string compact = value.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (System.Enum.TryParse<T>(compact, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(compact, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return parsed;
        }

        Add(field, $"'{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(Kebab))}.");
        return null;
    }

    /// <summary>The kebab-case form of an enum name, as users type it (<c>SeniorManagers</c> → <c>senior-managers</c>).</summary>
    public static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
