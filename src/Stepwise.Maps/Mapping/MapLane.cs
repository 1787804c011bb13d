namespace Stepwise.Maps.Mapping;

/// <summary>A swimlane: one value of the lane attribute (e.g. a team), the pool of rare values, or the events without
/// a value.</summary>
/// <param name="Id">Its index in <see cref="ProcessMap.Lanes"/>, the order lanes are drawn in.</param>
/// <param name="Name">What the lane is titled: the attribute value; for the pool <see cref="PooledName"/> (made distinct
/// from every real value); <see cref="NoneName"/> for events without a value.</param>
/// <param name="Values">How many attribute values it stands for (1 unless it is the pool).</param>
/// <param name="Activities">How many boxes lie in it.</param>
/// <param name="Events">Events of the shown steps performed by its values.</param>
/// <param name="IsPooled">Whether it pools the values that have no lane of their own.</param>
public sealed record MapLane(int Id, string Name, int Values, int Activities, long Events, bool IsPooled)
{
    /// <summary>The title of the lane that pools the values beyond <see cref="MapOptions.MaxLanes"/>, unless a real
    /// value has that name (then it is told apart by a suffix).</summary>
    public const string PooledName = "other teams";

    /// <summary>The name of the lane of events without a value.</summary>
    public const string NoneName = "(no value)";
}
