namespace Stepwise.Workbench.Access;

/// <summary>How a user reached the workspace: kept with what they do, so the history can say so.</summary>
public enum ActorChannel
{
    /// <summary>The <c>stepwise</c> command on the machine that holds the workspace.</summary>
    CommandLine,

    /// <summary>The web app, signed in with a local account or an external sign-in.</summary>
    Browser,

    /// <summary>The HTTP API with a personal access token.</summary>
    ApiToken,
}
