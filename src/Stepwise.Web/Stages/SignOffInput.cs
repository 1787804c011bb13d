namespace Stepwise.Web.Stages;

/// <summary>A decision as typed in a sign-off form; the page adds the artefact, version and hash it showed.</summary>
/// <param name="Stakeholder">Whose decision (their name).</param>
/// <param name="Decision">approve or reject.</param>
/// <param name="Reason">Why (required for a rejection).</param>
/// <param name="OnBehalfReason">Why it is recorded for them, when it is.</param>
/// <param name="OnBehalf">Whether it is recorded on someone else's behalf.</param>
public sealed record SignOffInput(string Stakeholder, string Decision, string? Reason, string? OnBehalfReason, bool OnBehalf);
