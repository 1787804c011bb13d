namespace Stepwise.Simulation.Scenarios;

/// <summary>New working hours for <paramref name="Pool"/>, e.g. <c>Mon-Fri 08:00-20:00; Sat 09:00-13:00</c>, with
/// <paramref name="Staff"/> on shift in each, 1 or more (default: the most the pool had in any hour, rounded up).</summary>
public sealed record ChangeHours(string Pool, string Hours, int? Staff = null) : ScenarioChange;
