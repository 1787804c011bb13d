using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Randomness;

namespace Stepwise.Simulation.Engine;

/// <summary>A distribution flattened for the hot loop: no nullable fields, no virtual calls.</summary>
internal readonly struct Sampler
{
    private readonly DistributionKind _kind;
    private readonly double _a;
    private readonly double _b;
    private readonly double[]? _quantiles;

    public Sampler(Distribution distribution)
    {
        _kind = distribution.Kind;
        switch (distribution.Kind)
        {
            case DistributionKind.Constant:
                _a = distribution.Value!.Value;
                break;
            case DistributionKind.Exponential:
                _a = distribution.Mean!.Value;
                break;
            case DistributionKind.LogNormal:
                _a = distribution.Mu!.Value;
                _b = distribution.Sigma!.Value;
                break;
            case DistributionKind.Gamma:
                _a = distribution.Shape!.Value;
                _b = distribution.Scale!.Value;
                break;
            case DistributionKind.Weibull:
                _a = 1 / distribution.Shape!.Value;
                _b = distribution.Scale!.Value;
                break;
            case DistributionKind.Empirical:
                _quantiles = distribution.Quantiles;
                break;
        }
    }

    public double Sample(RandomStream random) => _kind switch
    {
        DistributionKind.Constant => _a,
        DistributionKind.Exponential => _a * random.NextExponential(),
        DistributionKind.LogNormal => Math.Exp(_a + (_b * random.NextNormal())),
        DistributionKind.Gamma => _b * random.NextGamma(_a),
        DistributionKind.Weibull => _b * Math.Pow(random.NextExponential(), _a),
        DistributionKind.Empirical => Distribution.EmpiricalQuantile(_quantiles!, random.NextDouble()),
        _ => 0,
    };
}
