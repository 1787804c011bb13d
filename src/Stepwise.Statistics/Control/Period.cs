namespace Stepwise.Statistics.Control;

/// <summary>The length of the periods a trend is grouped into.</summary>
public enum Period
{
    /// <summary>ISO weeks (<c>2023-W07</c>).</summary>
    Week,

    /// <summary>Calendar months (<c>2023-11</c>).</summary>
    Month,

    /// <summary>Calendar quarters (<c>2023-Q4</c>).</summary>
    Quarter,

    /// <summary>Calendar years (<c>2023</c>).</summary>
    Year,
}

