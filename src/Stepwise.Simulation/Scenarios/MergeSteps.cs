using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.Scenarios;

/// <summary>Wherever <paramref name="First"/> is directly followed by <paramref name="Second"/>, one merged step does
/// both, performed by the pools of the first; its duration is <paramref name="Duration"/> or else the sum of both.</summary>
public sealed record MergeSteps(string First, string Second, string? Name = null, Distribution? Duration = null) : ScenarioChange;
