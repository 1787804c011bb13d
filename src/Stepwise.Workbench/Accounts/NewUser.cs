using Stepwise.Review.Access;
using Stepwise.Review.Common;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Accounts;

/// <summary>A request to create a user account.</summary>
public sealed record NewUser
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 10;

    /// <summary>The sign-in name.</summary>
    public required string Name { get; init; }

    /// <summary>The name shown to others; the user name when omitted.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The password, or null for an account that signs in only through the command line, a token or an
    /// external sign-in until a password is set.</summary>
    public string? Password { get; init; }

    /// <summary>Whether the account administers the workspace.</summary>
    public bool IsAdministrator { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        try
        {
            UserNames.Check(Name);
        }
        catch (ReviewRuleException ex)
        {
            v.Add("name", ex.Message);
        }

        v.Text("display_name", DisplayName, 200, required: false);
        if (Password is not null)
        {
            CheckPassword(v, "password", Password, Name);
        }

        return v;
    }

    /// <summary>The password rules: at least <see cref="MinPasswordLength"/> characters, not the user name.</summary>
    internal static void CheckPassword(Validation v, string field, string password, string? userName)
    {
        if (password.Length < MinPasswordLength)
        {
            v.Add(field, $"must be at least {MinPasswordLength} characters long.");
        }
        else if (password.Length > 256)
        {
            v.Add(field, "must be at most 256 characters long.");
        }
        else if (userName is not null && string.Equals(password.Trim(), userName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            v.Add(field, "must not be the user name.");
        }
    }
}
