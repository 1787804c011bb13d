namespace Stepwise.Monitoring.Conformance;

/// <summary>An agreed order: <see cref="Then"/> may only happen after <see cref="First"/> has.</summary>
/// <param name="First">The step that must come first.</param>
/// <param name="Then">The step that may only follow it.</param>
public sealed record AgreedOrder(string First, string Then);
