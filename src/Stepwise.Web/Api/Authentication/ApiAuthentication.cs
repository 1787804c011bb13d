using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Stepwise.Web.Api.Authentication;

/// <summary>
/// How API calls are authenticated: a request with an <c>Authorization</c> header is judged by its token alone; one
/// without it by the web app's sign-in cookie. Either way a request without valid credentials gets the 401 problem.
/// </summary>
internal static class ApiAuthentication
{
    /// <summary>The scheme that chooses between a token and the sign-in cookie.</summary>
    public const string Scheme = "StepwiseApi";

    /// <summary>The policy every API route requires.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build();

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, _ => { })
            .AddPolicyScheme(Scheme, "Token or sign-in cookie", options =>
            {
                options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey("Authorization")
                    ? TokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme;
                options.ForwardChallenge = TokenAuthenticationHandler.SchemeName;
                options.ForwardForbid = TokenAuthenticationHandler.SchemeName;
            });
        return services;
    }

    /// <summary>Whether the request was authenticated with a token rather than a browser session.</summary>
    public static bool ByToken(HttpContext context) => context.User.HasClaim(c => c.Type == TokenAuthenticationHandler.ChannelClaim);
}
