namespace Stepwise.Steps.Costing;

/// <summary>Hourly rates for the values of one attribute: per resource (<c>org:resource</c>), role or team.</summary>
/// <param name="By">The log attribute the rates are for: <c>org:resource</c>, or an event or case attribute such as a team.</param>
/// <param name="Rates">Hourly rate by attribute value.</param>
public sealed record RateLevel(string By, IReadOnlyDictionary<string, double> Rates);
