namespace Stepwise.Review.Quality;

/// <summary>One key driver of satisfaction, placed on the importance-performance grid.</summary>
/// <param name="Item">The item (service feature as asked in the survey).</param>
/// <param name="Importance">Its share of the explained variance (relative weight, the shares sum to 1).</param>
/// <param name="Correlation">Its correlation with what the drivers explain.</param>
/// <param name="Performance">Its mean score.</param>
/// <param name="Quadrant">Its quadrant: concentrate here, keep up the good work, low priority, possible overkill.</param>
public sealed record DriverResult(string Item, double Importance, double Correlation, double Performance, string Quadrant);
