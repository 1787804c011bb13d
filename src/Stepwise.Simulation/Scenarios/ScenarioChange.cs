using System.Text.Json.Serialization;
using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.Scenarios;

/// <summary>
/// One improvement option expressed as a change to the model. In a scenario file each change is an object whose
/// <c>type</c> says which (e.g. <c>{"type": "removeStep", "step": "Wait"}</c>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(RemoveStep), "removeStep")]
[JsonDerivedType(typeof(AutomateStep), "automateStep")]
[JsonDerivedType(typeof(MergeSteps), "mergeSteps")]
[JsonDerivedType(typeof(MoveStep), "moveStep")]
[JsonDerivedType(typeof(ParallelSteps), "parallelSteps")]
[JsonDerivedType(typeof(ChangeStaff), "changeStaff")]
[JsonDerivedType(typeof(ChangeHours), "changeHours")]
[JsonDerivedType(typeof(ReduceRework), "reduceRework")]
[JsonDerivedType(typeof(SelfService), "selfService")]
[JsonDerivedType(typeof(DemandGrowth), "demandGrowth")]
public abstract record ScenarioChange;

/// <summary>Cases no longer go through <paramref name="Step"/>; the rest of their path is unchanged.</summary>
public sealed record RemoveStep(string Step) : ScenarioChange;

/// <summary><paramref name="Step"/> is done by a system: no staff, a new duration, a cost per execution.</summary>
public sealed record AutomateStep(string Step, Distribution Duration, double CostPerExecution = 0) : ScenarioChange;

/// <summary>Wherever <paramref name="First"/> is directly followed by <paramref name="Second"/>, one merged step does
/// both, performed by the pools of the first; its duration is <paramref name="Duration"/> or else the sum of both.</summary>
public sealed record MergeSteps(string First, string Second, string? Name = null, Distribution? Duration = null) : ScenarioChange;

/// <summary>Re-sequencing: in a case where <paramref name="Step"/> comes after <paramref name="Before"/>, its first such
/// occurrence is done just before <paramref name="Before"/> instead.</summary>
public sealed record MoveStep(string Step, string Before) : ScenarioChange;

/// <summary>The first occurrences of <paramref name="Steps"/> in a case run at the same time, where the earliest of them
/// was; the case goes on when all have finished.</summary>
public sealed record ParallelSteps(IReadOnlyList<string> Steps) : ScenarioChange;

/// <summary>Adds (positive) or removes (negative) staff in every working hour of <paramref name="Pool"/>
/// (never below one in a working hour).</summary>
public sealed record ChangeStaff(string Pool, int Change) : ScenarioChange;

/// <summary>New working hours for <paramref name="Pool"/>, e.g. <c>Mon-Fri 08:00-20:00; Sat 09:00-13:00</c>, with
/// <paramref name="Staff"/> on shift in each (default: the most the pool had in any hour).</summary>
public sealed record ChangeHours(string Pool, string Hours, int? Staff = null) : ScenarioChange;

/// <summary>The probability of going from <paramref name="From"/> back to <paramref name="To"/> (a rework loop) is
/// reduced by the share <paramref name="Reduction"/> (0.5 halves it); the other routes share what is freed.</summary>
public sealed record ReduceRework(string From, string To, double Reduction) : ScenarioChange;

/// <summary>A share of arrivals is served by self-service and never enters the process.</summary>
public sealed record SelfService(double Share) : ScenarioChange;

/// <summary>Arrivals are multiplied by <paramref name="Factor"/> (1.1 is 10% growth).</summary>
public sealed record DemandGrowth(double Factor) : ScenarioChange;
