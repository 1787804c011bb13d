namespace Stepwise.Maps.Mapping;

/// <summary>A swimlane: one value of the lane attribute (e.g. a team), or the pool of values not drawn separately.</summary>
/// <param name="Id">Its index in <see cref="ProcessMap.Lanes"/>, the order lanes are drawn in.</param>
/// <param name="Name">The attribute value, <see cref="OtherName"/> for the pool, <see cref="NoneName"/> for events without a value.</param>
/// <param name="Values">How many attribute values it stands for (1 unless it is the pool).</param>
/// <param name="Activities">How many of the shown activities lie in it.</param>
public sealed record MapLane(int Id, string Name, int Values, int Activities)
{
    /// <summary>The name of the lane that pools the values beyond <see cref="MapOptions.MaxLanes"/>.</summary>
    public const string OtherName = "other";

    /// <summary>The name of the lane of activities none of whose events has a value.</summary>
    public const string NoneName = "(no value)";
}
