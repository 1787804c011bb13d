namespace Stepwise.Statistics.Drivers;

/// <summary>One item's part in explaining the overall score or outcome.</summary>
/// <param name="Item">The item (service feature) name.</param>
/// <param name="Answered">Responses with both the item and the outcome.</param>
/// <param name="Correlation">Pearson correlation with the outcome over those responses.</param>
/// <param name="RankCorrelation">Spearman rank correlation with the outcome over those responses.</param>
/// <param name="Beta">Standardised regression coefficient in the joint model (NaN when the item is not in it).
/// Unstable when items are correlated: read <see cref="RelativeWeight"/> instead.</param>
/// <param name="RelativeWeight">Johnson's relative weight: the share of the variance of the outcome attributable to
/// the item, allowing for its correlation with the other items; the weights add up to R² (NaN when not in the model).</param>
/// <param name="Importance">The relative weight as a share of R² (0..1).</param>
/// <param name="MeanScore">The item's mean score.</param>
/// <param name="Performance">The mean score as a percentage of its scale (0 at the lowest point, 100 at the highest).</param>
/// <param name="TopTwoBox">The share of answers in the top two points.</param>
/// <param name="Quadrant">Its quadrant of the importance-performance grid (null when not in the model).</param>
public sealed record Driver(
    string Item,
    int Answered,
    double Correlation,
    double RankCorrelation,
    double Beta,
    double RelativeWeight,
    double Importance,
    double MeanScore,
    double Performance,
    double TopTwoBox,
    GridQuadrant? Quadrant);
