using System.Text;
using Stepwise.Text.Privacy;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Sampling;

/// <summary>Pseudonymisation keys as users give them.</summary>
internal static class Keys
{
    public static void Check(Validation v, string? key)
    {
        if (!string.IsNullOrEmpty(key) && Encoding.UTF8.GetByteCount(key) < 16)
        {
            v.Add("pseudonymise_key", "the key needs at least 16 bytes (e.g. 32 random characters).");
        }
    }

    public static Pseudonymiser? Of(string? key) => string.IsNullOrEmpty(key) ? null : new Pseudonymiser(Encoding.UTF8.GetBytes(key));
}
