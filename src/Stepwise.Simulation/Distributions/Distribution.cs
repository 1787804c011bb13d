using System.Globalization;
using System.Text.Json.Serialization;
using Stepwise.Simulation.Randomness;

namespace Stepwise.Simulation.Distributions;

/// <summary>
/// A probability distribution of a non-negative time in seconds, as written in a model file: a kind and the
/// parameters that kind needs. Immutable; <see cref="Validate"/> says what is wrong with hand-written parameters.
/// </summary>
public sealed record Distribution
{
    /// <summary>The family.</summary>
    public DistributionKind Kind { get; init; }

    /// <summary>The value of a constant distribution (seconds).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Value { get; init; }

    /// <summary>The mean of an exponential distribution (seconds).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Mean { get; init; }

    /// <summary>The mean of the logarithm of a log-normal value in seconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Mu { get; init; }

    /// <summary>The standard deviation of the logarithm of a log-normal value.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Sigma { get; init; }

    /// <summary>The shape of a gamma or Weibull distribution.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Shape { get; init; }

    /// <summary>The scale of a gamma or Weibull distribution (seconds).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Scale { get; init; }

    /// <summary>The quantiles of an empirical distribution at equally spaced probabilities from 0 to 1 (seconds, ascending).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? Quantiles { get; init; }

    /// <summary>A constant.</summary>
    public static Distribution Constant(double seconds) => new() { Kind = DistributionKind.Constant, Value = seconds };

    /// <summary>An exponential distribution with the given mean.</summary>
    public static Distribution Exponential(double mean) => new() { Kind = DistributionKind.Exponential, Mean = mean };

    /// <summary>A log-normal distribution.</summary>
    public static Distribution LogNormal(double mu, double sigma) => new() { Kind = DistributionKind.LogNormal, Mu = mu, Sigma = sigma };

    /// <summary>A gamma distribution.</summary>
    public static Distribution Gamma(double shape, double scale) => new() { Kind = DistributionKind.Gamma, Shape = shape, Scale = scale };

    /// <summary>A Weibull distribution.</summary>
    public static Distribution Weibull(double shape, double scale) => new() { Kind = DistributionKind.Weibull, Shape = shape, Scale = scale };

    /// <summary>An empirical distribution from quantiles at equally spaced probabilities 0, 1/(n-1), ..., 1.</summary>
    public static Distribution Empirical(double[] quantiles) => new() { Kind = DistributionKind.Empirical, Quantiles = quantiles };

    /// <summary>What is wrong with the parameters, or null when they are valid.</summary>
    public string? Validate()
    {
        static bool Positive(double? v) => v is { } x && x > 0 && double.IsFinite(x);
        switch (Kind)
        {
            case DistributionKind.Constant:
                return Value is { } v && v >= 0 && double.IsFinite(v) ? null : "a constant needs 'value' (seconds, 0 or more)";
            case DistributionKind.Exponential:
                return Positive(Mean) ? null : "an exponential distribution needs 'mean' (seconds, more than 0)";
            case DistributionKind.LogNormal:
                return Mu is { } mu && double.IsFinite(mu) && Sigma is { } s && s >= 0 && double.IsFinite(s) ? null : "a log-normal distribution needs 'mu' and 'sigma' (0 or more)";
            case DistributionKind.Gamma:
            case DistributionKind.Weibull:
                return Positive(Shape) && Positive(Scale) ? null : $"a {Kind.ToString().ToLowerInvariant()} distribution needs 'shape' and 'scale' (both more than 0)";
            case DistributionKind.Empirical:
                if (Quantiles is not { Length: >= 2 } q)
                {
                    return "an empirical distribution needs 'quantiles' (at least 2 values in seconds, ascending)";
                }

                for (int i = 0; i < q.Length; i++)
                {
                    if (!double.IsFinite(q[i]) || q[i] < 0 || (i > 0 && q[i] < q[i - 1]))
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"the quantiles of an empirical distribution must be ascending and 0 or more (value {i + 1} is {q[i]})");
                    }
                }

                return null;
            default:
                return $"unknown kind '{Kind}'";
        }
    }

    /// <summary>The mean (seconds).</summary>
    [JsonIgnore]
    public double MeanValue => Kind switch
    {
        DistributionKind.Constant => Value!.Value,
        DistributionKind.Exponential => Mean!.Value,
        DistributionKind.LogNormal => Math.Exp(Mu!.Value + (Sigma!.Value * Sigma.Value / 2)),
        DistributionKind.Gamma => Shape!.Value * Scale!.Value,
        DistributionKind.Weibull => Scale!.Value * Math.Exp(SpecialFunctions.LogGamma(1 + (1 / Shape!.Value))),
        DistributionKind.Empirical => EmpiricalMean(Quantiles!),
        _ => double.NaN,
    };

    /// <summary>The probability of a value at most <paramref name="x"/> seconds.</summary>
    public double Cdf(double x)
    {
        if (x < 0)
        {
            return 0;
        }

        switch (Kind)
        {
            case DistributionKind.Constant:
                return x >= Value!.Value ? 1 : 0;
            case DistributionKind.Exponential:
                return 1 - Math.Exp(-x / Mean!.Value);
            case DistributionKind.LogNormal:
                return x <= 0 ? 0 : Sigma!.Value == 0 ? (Math.Log(x) >= Mu!.Value ? 1 : 0) : SpecialFunctions.NormalCdf((Math.Log(x) - Mu!.Value) / Sigma.Value);
            case DistributionKind.Gamma:
                return SpecialFunctions.RegularizedGammaP(Shape!.Value, x / Scale!.Value);
            case DistributionKind.Weibull:
                return 1 - Math.Exp(-Math.Pow(x / Scale!.Value, Shape!.Value));
            case DistributionKind.Empirical:
                return EmpiricalCdf(Quantiles!, x);
            default:
                return double.NaN;
        }
    }

    /// <summary>Draws a value (seconds).</summary>
    public double Sample(RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Kind switch
        {
            DistributionKind.Constant => Value!.Value,
            DistributionKind.Exponential => Mean!.Value * random.NextExponential(),
            DistributionKind.LogNormal => Math.Exp(Mu!.Value + (Sigma!.Value * random.NextNormal())),
            DistributionKind.Gamma => Scale!.Value * random.NextGamma(Shape!.Value),
            DistributionKind.Weibull => Scale!.Value * Math.Pow(random.NextExponential(), 1 / Shape!.Value),
            DistributionKind.Empirical => EmpiricalQuantile(Quantiles!, random.NextDouble()),
            _ => 0,
        };
    }

    /// <summary>The same distribution with every value multiplied by <paramref name="factor"/>.</summary>
    public Distribution Scaled(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factor);
        if (factor == 0)
        {
            return Constant(0);
        }

        return Kind switch
        {
            DistributionKind.Constant => this with { Value = Value * factor },
            DistributionKind.Exponential => this with { Mean = Mean * factor },
            DistributionKind.LogNormal => this with { Mu = Mu + Math.Log(factor) },
            DistributionKind.Gamma or DistributionKind.Weibull => this with { Scale = Scale * factor },
            DistributionKind.Empirical => this with { Quantiles = Array.ConvertAll(Quantiles!, q => q * factor) },
            _ => this,
        };
    }

    /// <summary>A short description, e.g. <c>lognormal(mu 6.1, sigma 0.9)</c>.</summary>
    public override string ToString() => Kind switch
    {
        DistributionKind.Constant => string.Create(CultureInfo.InvariantCulture, $"constant({Value:G4} s)"),
        DistributionKind.Exponential => string.Create(CultureInfo.InvariantCulture, $"exponential(mean {Mean:G4} s)"),
        DistributionKind.LogNormal => string.Create(CultureInfo.InvariantCulture, $"lognormal(mu {Mu:G4}, sigma {Sigma:G4})"),
        DistributionKind.Gamma => string.Create(CultureInfo.InvariantCulture, $"gamma(shape {Shape:G4}, scale {Scale:G4} s)"),
        DistributionKind.Weibull => string.Create(CultureInfo.InvariantCulture, $"weibull(shape {Shape:G4}, scale {Scale:G4} s)"),
        DistributionKind.Empirical => string.Create(CultureInfo.InvariantCulture, $"empirical({Quantiles!.Length} quantiles, median {EmpiricalQuantile(Quantiles, 0.5):G4} s)"),
        _ => Kind.ToString(),
    };

    internal static double EmpiricalQuantile(double[] q, double u)
    {
        double pos = u * (q.Length - 1);
        int i = (int)pos;
        if (i >= q.Length - 1)
        {
            return q[^1];
        }

        return q[i] + ((pos - i) * (q[i + 1] - q[i]));
    }

    private static double EmpiricalCdf(double[] q, double x)
    {
        if (x >= q[^1])
        {
            return 1;
        }

        if (x < q[0])
        {
            return 0;
        }

        int hi = Array.BinarySearch(q, x);
        if (hi >= 0)
        {
            // With ties, the distribution function takes the last equal quantile.
            while (hi + 1 < q.Length && q[hi + 1] == x)
            {
                hi++;
            }

            return (double)hi / (q.Length - 1);
        }

        hi = ~hi;
        int lo = hi - 1;
        double frac = (x - q[lo]) / (q[hi] - q[lo]);
        return (lo + frac) / (q.Length - 1);
    }

    private static double EmpiricalMean(double[] q)
    {
        double sum = 0;
        for (int i = 1; i < q.Length; i++)
        {
            sum += (q[i] + q[i - 1]) / 2;
        }

        return sum / (q.Length - 1);
    }
}
