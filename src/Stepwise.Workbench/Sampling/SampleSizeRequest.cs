using System.Globalization;
using Stepwise.Statistics.Sampling;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Sampling;

/// <summary>
/// How many responses a quality measure needs, and how many units to invite for them: a proportion (or, with
/// <see cref="StandardDeviation"/>, a mean) to a margin of error at a confidence level, for a population of a given
/// size at an expected response rate (Cochran's formula with the finite-population correction). Field names are the
/// command line's options in snake_case; the request owns its defaults and checks.
/// </summary>
public sealed record SampleSizeRequest
{
    /// <summary>The margin of error: a share for a proportion (0.05 is ±5 points), score units for a mean.</summary>
    public double Margin { get; init; } = 0.05;

    /// <summary>The confidence level, above 0 and below 1.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The proportion expected (0.5, the default, is the most conservative).</summary>
    public double Expected { get; init; } = 0.5;

    /// <summary>The expected standard deviation of the score, for the size of a mean (a proportion when null).</summary>
    public double? StandardDeviation { get; init; }

    /// <summary>The population's size, or null when it is large or unknown.</summary>
    public long? Population { get; init; }

    /// <summary>The share of invited units expected to respond, above 0 and at most 1.</summary>
    public double ResponseRate { get; init; } = 1;

    /// <summary>Whether the size is for a mean rather than a proportion.</summary>
    public bool ForMean => StandardDeviation is not null;

    /// <summary>Checks every field at once.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        if (ForMean)
        {
            if (!(Margin > 0) || !double.IsFinite(Margin))
            {
                v.Add("margin", $"{Text(Margin)} is not a margin of error; give a number above zero in the score's units, e.g. 0.1.");
            }

            if (!(StandardDeviation > 0) || !double.IsFinite(StandardDeviation.Value))
            {
                v.Add("sd", $"{Text(StandardDeviation!.Value)} is not a standard deviation; give a number above zero in the score's units, e.g. 1.2.");
            }
        }
        else
        {
            if (!(Margin is > 0 and < 1))
            {
                v.Add("margin", $"{Text(Margin)} is not a margin of error for a share; give a share between 0 and 1, e.g. 0.05 for ±5 points.");
            }

            if (!(Expected is > 0 and < 1))
            {
                v.Add("expected", $"{Text(Expected)} is not an expected proportion; give a share between 0 and 1, e.g. 0.5.");
            }
        }

        if (!(Confidence is > 0 and < 1))
        {
            v.Add("confidence", $"{Text(Confidence)} is not a confidence level; give a share between 0 and 1, e.g. 0.95.");
        }

        if (!(ResponseRate is > 0 and <= 1))
        {
            v.Add("response_rate", $"{Text(ResponseRate)} is not a response rate; give a share above 0 and at most 1, e.g. 0.3.");
        }

        if (Population is < 1)
        {
            v.Add("population", $"{Population.Value.ToString(CultureInfo.InvariantCulture)} is not a population size; give a whole number of at least 1, or none for a large population.");
        }

        return v;
    }

    /// <summary>The responses needed and the units to invite.</summary>
    /// <exception cref="StepwiseException">A field is not valid (every invalid field is named).</exception>
    public SampleSizeResult Compute()
    {
        Validate().ThrowIfAny();
        return ForMean
            ? SampleSize.ForMean(Margin, StandardDeviation!.Value, Confidence, Population, ResponseRate)
            : SampleSize.ForProportion(Margin, Confidence, Expected, Population, ResponseRate);
    }

    /// <summary>
    /// When even inviting the whole population cannot give the responses needed at the response rate, says so with the
    /// responses the whole population would give; null when the population is large enough (or not given).
    /// </summary>
    public string? Shortfall(SampleSizeResult size)
    {
        ArgumentNullException.ThrowIfNull(size);
        if (!size.PopulationTooSmall || Population is not { } population)
        {
            return null;
        }

        string rate = (ResponseRate * 100).ToString("0.###", CultureInfo.InvariantCulture);
        string yield = Math.Floor(size.PopulationResponses ?? 0).ToString("N0", CultureInfo.InvariantCulture);
        return $"The population cannot give the {size.Required.ToString("N0", CultureInfo.InvariantCulture)} responses needed: at a response rate of {rate}%, "
            + $"inviting all {population.ToString("N0", CultureInfo.InvariantCulture)} units gives about {yield} responses "
            + $"(the rate calls for {size.Uncapped.ToString("N0", CultureInfo.InvariantCulture)} invitations). "
            + "Raise the response rate, accept a wider margin of error or a lower confidence level, or measure every unit.";
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
