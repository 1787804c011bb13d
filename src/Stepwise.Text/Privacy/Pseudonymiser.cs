using System.Security.Cryptography;
using System.Text;

namespace Stepwise.Text.Privacy;

/// <summary>
/// Replaces identifiers (respondent, customer, case ids) with keyed pseudonyms: HMAC-SHA256 of the UTF-8 id under a
/// key the user keeps, shown as <c>p_</c> and the first 16 hex digits. The same id and key always give the same
/// pseudonym, so data sets can still be joined; without the key the id cannot be recovered or confirmed by guessing.
/// </summary>
public sealed class Pseudonymiser
{
    private readonly byte[] _key;

    /// <summary>Creates a pseudonymiser with a secret key.</summary>
    /// <exception cref="ArgumentException">The key is shorter than 16 bytes.</exception>
    public Pseudonymiser(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("A pseudonymisation key needs at least 16 bytes (e.g. 32 random characters).", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>The full HMAC-SHA256 of <paramref name="id"/>, lower-case hex.</summary>
    public string Hash(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id)));
    }

    /// <summary>The pseudonym of <paramref name="id"/>: <c>p_</c> and 16 hex digits (64 bits).</summary>
    public string Pseudonym(string id) => "p_" + Hash(id)[..16];
}
