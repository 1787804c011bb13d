using Microsoft.AspNetCore.Components.Authorization;

namespace Stepwise.Web.Tests;

/// <summary>A page's signed-in person in component tests: the authentication state is always <paramref name="user"/>.</summary>
internal sealed class SignedIn(System.Security.Claims.ClaimsPrincipal user) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
}
