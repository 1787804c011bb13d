using Microsoft.AspNetCore.Components.Authorization;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Security;

/// <summary>
/// The user of one circuit (or one static request): the <see cref="Actor"/> every use case is called with, read
/// from the account as it is stored now.
/// </summary>
public sealed class SignedInUser(AuthenticationStateProvider authentication, Workbench.Workbench bench)
{
    /// <summary>The signed-in actor.</summary>
    /// <exception cref="StepwiseException">Nobody is signed in, or the account is gone or disabled (unauthenticated).</exception>
    public async Task<Actor> ActorAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var signedIn = ActorPrincipal.ToActor(state.User);
        return (signedIn is null ? null : bench.Accounts.Refresh(signedIn))
            ?? throw new StepwiseException(ProblemKind.Unauthenticated, "Your sign-in has ended or the account was disabled; sign in again.");
    }
}
