namespace Stepwise.Steps.Synthetic;

/// <summary>Which cases a planted effect applies to.</summary>
public enum PlantedEffectKind
{
    /// <summary>Cases that go through a step.</summary>
    Step,

    /// <summary>Cases that go through a step more than once.</summary>
    Repeat,

    /// <summary>Cases in which work passes directly from one participant to another.</summary>
    Handover,
}
