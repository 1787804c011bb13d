using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stepwise.Web.Api.Problems;
using Stepwise.Web.Security;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Authentication;

/// <summary>
/// Personal access tokens for scripts: <c>Authorization: Bearer swt_…</c>, checked by the use-case layer
/// (<c>Accounts.Authenticate</c>: only the token's SHA-256 is stored; revoked, expired and disabled accounts' tokens
/// fail). Its challenge is the API's 401 problem, never a redirect to the sign-in page.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    Workbench.Workbench bench)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "StepwiseToken";

    /// <summary>The claim that marks a principal as having come with a token.</summary>
    public const string ChannelClaim = "stepwise:channel";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header must be 'Bearer' followed by a personal access token (swt_…)."));
        }

        var actor = bench.Accounts.Authenticate(header["Bearer ".Length..].Trim());
        if (actor is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The token is not valid: it is unknown, revoked or expired, or its account is disabled. Create a new one under Tokens in the web app, or with 'stepwise token create'."));
        }

        var principal = ActorPrincipal.From(actor);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ChannelClaim, "api-token"));
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        string detail = failure ?? "Sign in to the web app, or send a personal access token: Authorization: Bearer swt_…";
        var problem = ProblemCatalog.Describe(new StepwiseException(ProblemKind.Unauthenticated, detail));
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer realm=\"stepwise\"" : "Bearer realm=\"stepwise\", error=\"invalid_token\"";
        await ApiProblems.WriteAsync(Context, ApiProblem.Of(problem, problem.Status, Request.Path));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var problem = ProblemCatalog.Describe(StepwiseException.Forbidden("This account may not do that."));
        await ApiProblems.WriteAsync(Context, ApiProblem.Of(problem, problem.Status, Request.Path));
    }
}
