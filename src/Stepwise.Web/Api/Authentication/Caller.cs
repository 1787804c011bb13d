using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Web.Security;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Authentication;

/// <summary>
/// Who calls an endpoint: the <see cref="Actor"/> every use case takes, rebuilt from the account as stored now (so an
/// account disabled after its cookie or token was checked is refused), and marked as a token or a browser session.
/// </summary>
/// <param name="Actor">The actor.</param>
public sealed record Caller(Actor Actor)
{
    /// <summary>Binds the caller of an authenticated API request.</summary>
    /// <exception cref="StepwiseException">The account is gone or disabled (unauthenticated).</exception>
    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signedIn = ActorPrincipal.ToActor(context.User);
        if (signedIn is not null && ApiAuthentication.ByToken(context))
        {
            signedIn = signedIn with { Channel = ActorChannel.ApiToken };
        }

        var bench = context.RequestServices.GetRequiredService<Workbench.Workbench>();
        var actor = (signedIn is null ? null : bench.Accounts.Refresh(signedIn))
            ?? throw new StepwiseException(ProblemKind.Unauthenticated, "Your sign-in has ended or the account was disabled; sign in again.");
        return ValueTask.FromResult<Caller?>(new Caller(actor));
    }
}
