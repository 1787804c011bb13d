using Stepwise.Review.Common;

namespace Stepwise.Review.Options;

/// <summary>
/// The parameters a simulation scenario needs to model an option: named numbers (e.g. <c>duration_factor</c>,
/// <c>staff_delta</c>, <c>demand_growth</c>) and named names (e.g. <c>activity</c>, <c>new_lane</c>).
/// </summary>
public sealed record SimulationParameters
{
    /// <summary>No parameters.</summary>
    public static SimulationParameters None { get; } = new();

    /// <summary>Numeric parameters by name.</summary>
    public IReadOnlyDictionary<string, double> Numbers
    {
        get => field;
        init
        {
            var copy = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, number) in value ?? new Dictionary<string, double>())
            {
                copy[Guard.Text(name, "Parameter name", 100)] = Guard.Finite(number, $"Parameter '{name}'");
            }

            field = copy;
        }
    } = new SortedDictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Text parameters (activity names, lanes, ...) by name.</summary>
    public IReadOnlyDictionary<string, string> Names
    {
        get => field;
        init
        {
            var copy = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, text) in value ?? new Dictionary<string, string>())
            {
                copy[Guard.Text(name, "Parameter name", 100)] = Guard.Text(text, $"Parameter '{name}'", 400);
            }

            field = copy;
        }
    } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The number named <paramref name="name"/>, or null.</summary>
    public double? Number(string name) => Numbers.TryGetValue(name, out double v) ? v : null;

    /// <summary>The text named <paramref name="name"/>, or null.</summary>
    public string? Name(string name) => Names.TryGetValue(name, out var v) ? v : null;
}
