namespace Stepwise.Steps.Synthetic;

/// <summary>
/// A known effect planted in generated survey responses: cases with the factor score <see cref="Shift"/> points
/// differently (negative: lower) than they otherwise would.
/// </summary>
/// <param name="Kind">Which cases have the factor.</param>
/// <param name="Activity">For <see cref="PlantedEffectKind.Step"/> and <see cref="PlantedEffectKind.Repeat"/>: the activity.</param>
/// <param name="From">For <see cref="PlantedEffectKind.Handover"/>: the participant handing over.</param>
/// <param name="To">For <see cref="PlantedEffectKind.Handover"/>: the participant receiving.</param>
/// <param name="Shift">The change of the expected score, in scale points.</param>
public sealed record PlantedEffect(PlantedEffectKind Kind, string? Activity, string? From, string? To, double Shift)
{
    /// <summary>Cases that go through <paramref name="activity"/> more than once score <paramref name="shift"/> points differently.</summary>
    public static PlantedEffect Repeat(string activity, double shift) => new(PlantedEffectKind.Repeat, activity, null, null, shift);

    /// <summary>Cases that go through <paramref name="activity"/> score <paramref name="shift"/> points differently.</summary>
    public static PlantedEffect Step(string activity, double shift) => new(PlantedEffectKind.Step, activity, null, null, shift);

    /// <summary>Cases in which work passes directly from <paramref name="from"/> to <paramref name="to"/> score <paramref name="shift"/> points differently.</summary>
    public static PlantedEffect Handover(string from, string to, double shift) => new(PlantedEffectKind.Handover, null, from, to, shift);

    /// <summary>A readable description, e.g. "repeat of 'Take in charge ticket': -1.5".</summary>
    public override string ToString() => Kind switch
    {
        PlantedEffectKind.Repeat => $"repeat of '{Activity}'",
        PlantedEffectKind.Step => $"step '{Activity}'",
        _ => $"hand-over {From} -> {To}",
    } + ": " + Shift.ToString("+0.0##;-0.0##", System.Globalization.CultureInfo.InvariantCulture);
}
