using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;

namespace Stepwise.Web.Security;

/// <summary>
/// Re-checks the account behind an open circuit every minute: a disabled or deleted account loses its open pages
/// too, not only its next sign-in.
/// </summary>
internal sealed class AccountRevalidation(ILoggerFactory loggers, Workbench.Workbench bench)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var actor = ActorPrincipal.ToActor(authenticationState.User);
        return Task.FromResult(actor is not null && bench.Accounts.Refresh(actor) is not null);
    }
}
