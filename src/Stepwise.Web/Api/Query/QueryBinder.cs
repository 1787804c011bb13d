using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Query;

/// <summary>
/// Fills the layer's request records from a query string, named as the command line's options in snake_case
/// (<c>?where=channel=phone&amp;working_hours=Mon-Fri 09:00-17:00</c>): a list field takes the key repeated, numbers
/// and switches are parsed with errors named by the field. Every key the route does not know is an error listing the
/// ones it does, so a misspelt filter never silently analyses everything.
/// </summary>
internal sealed class QueryBinder(IQueryCollection query)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>The errors found so far.</summary>
    public Validation Errors { get; } = new();

    /// <summary>A request of type <typeparamref name="T"/> from the keys named after its fields.</summary>
    public T Bind<T>(params string[] except)
        where T : class, new()
    {
        var request = new T();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            string name = ApiJson.Name(property.Name);
            if (except.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            _known.Add(name);
            if (!query.TryGetValue(name, out var values) || values.Count == 0)
            {
                continue;
            }

            object? value = Parse(name, property.PropertyType, values);
            if (value is not null)
            {
                property.SetValue(request, value);
            }
        }

        return request;
    }

    /// <summary>One text value the route reads itself.</summary>
    public string? Text(string name)
    {
        _known.Add(name);
        return query.TryGetValue(name, out var values) ? values.ToString() : null;
    }

    /// <summary>One whole number the route reads itself.</summary>
    public int? Number(string name, int minimum, int maximum)
    {
        _known.Add(name);
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= minimum && n <= maximum)
        {
            return n;
        }

        Errors.Add(name, $"must be a whole number from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)} (got '{values}').");
        return null;
    }

    /// <summary>Throws when a key was not known or a value could not be read.</summary>
    /// <exception cref="StepwiseException">Invalid value, naming every bad key.</exception>
    public void ThrowIfAny()
    {
        foreach (string key in query.Keys)
        {
            if (!_known.Contains(key))
            {
                Errors.Add(key, $"is not an option of this route; its options are {string.Join(", ", _known.Order(StringComparer.Ordinal))}.");
            }
        }

        Errors.ThrowIfAny();
    }

    private object? Parse(string name, Type type, Microsoft.Extensions.Primitives.StringValues values)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        string text = values.ToString();
        if (target == typeof(string))
        {
            return values.Count == 1 ? text : Fail(name, "is given more than once; give it once.");
        }

        if (target == typeof(IReadOnlyList<string>))
        {
            return values.Where(v => v is not null).Select(v => v!).ToList();
        }

        if (values.Count > 1)
        {
            return Fail(name, "is given more than once; give it once.");
        }

        if (target == typeof(bool))
        {
            return text.ToLowerInvariant() switch
            {
                "" or "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => Fail(name, $"must be true or false (got '{text}')."),
            };
        }

        if (target == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : Fail(name, $"must be a whole number (got '{text}').");
        }

        if (target == typeof(long))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : Fail(name, $"must be a whole number (got '{text}').");
        }

        if (target == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d : Fail(name, $"must be a number (got '{text}').");
        }

        if (target == typeof(decimal))
        {
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal m) ? m : Fail(name, $"must be a number (got '{text}').");
        }

        return Fail(name, "cannot be given in the query; send it in a JSON body.");
    }

    private object? Fail(string name, string message)
    {
        Errors.Add(name, message);
        return null;
    }
}
