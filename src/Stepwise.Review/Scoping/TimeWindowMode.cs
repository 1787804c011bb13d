namespace Stepwise.Review.Scoping;

/// <summary>Which cases a time window keeps.</summary>
public enum TimeWindowMode
{
    /// <summary>Cases that start inside the window.</summary>
    Starting,

    /// <summary>Cases that end inside the window.</summary>
    Ending,

    /// <summary>Cases that start and end inside the window.</summary>
    Contained,

    /// <summary>Cases with any time inside the window.</summary>
    Intersecting,
}
