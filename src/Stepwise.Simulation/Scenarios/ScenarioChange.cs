using System.Text.Json.Serialization;

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
