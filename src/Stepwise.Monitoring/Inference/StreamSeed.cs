using System.Text;

namespace Stepwise.Monitoring.Inference;

/// <summary>Derives the seed of one KPI's random stream from the run's seed and a key, stably (FNV-1a over the
/// key's UTF-8 bytes), so a KPI draws the same numbers whichever other KPIs run with it.</summary>
internal static class StreamSeed
{
    public static long Of(long seed, string key)
    {
        ulong hash = 14695981039346656037UL ^ unchecked((ulong)seed);
        foreach (byte b in Encoding.UTF8.GetBytes(key))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
