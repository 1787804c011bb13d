using Stepwise.Mining.Assembly;

namespace Stepwise.Mining.Tests;

/// <summary>The byte-string interner against a dictionary: keys that differ only in length or trailing zero bytes,
/// keys on either side of the inline eight-byte limit and of the sixteen bytes compared as two words, tables that grow
/// many times or are sized up front, and with the slots of recent values remembered (case ids), keys that recur in
/// bursts as the events of open cases do.</summary>
public class InternerTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Intern_ManyKeysOfEveryLength_MatchesDictionary(bool presized, bool remembersRecent)
    {
        var random = new Random(17);
        var keys = new List<byte[]>();
        for (int i = 0; i < 60_000; i++)
        {
            var key = new byte[random.Next(0, 21)];
            // Few byte values, zeros included, so that short keys collide often in their padded words.
            for (int j = 0; j < key.Length; j++)
            {
                key[j] = (byte)random.Next(0, 3);
            }

            keys.Add(key);
        }

        var interner = presized ? new Utf8Interner(keys.Count, keys.Sum(k => (long)k.Length)) : new Utf8Interner(remembersRecent);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            string text = Convert.ToHexString(key) + "/" + key.Length;
            int id = interner.Intern(key);
            if (expected.TryGetValue(text, out int known))
            {
                Assert.Equal(known, id);
            }
            else
            {
                Assert.Equal(expected.Count, id);
                expected.Add(text, id);
            }
        }

        Assert.Equal(expected.Count, interner.Count);
        foreach (var key in keys)
        {
            int id = expected[Convert.ToHexString(key) + "/" + key.Length];
            Assert.Equal(id, interner.Find(key));
            Assert.True(interner.Bytes(id).SequenceEqual(key));
        }

        Assert.Equal(-1, interner.Find(new byte[21]));
    }

    [Fact]
    public void Intern_KeysDifferingOnlyInTrailingZeros_GetTheirOwnIds()
    {
        var interner = new Utf8Interner();
        int a = interner.Intern([1, 2]);
        int b = interner.Intern([1, 2, 0]);
        int c = interner.Intern([1, 2, 0, 0, 0, 0, 0, 0]);
        int d = interner.Intern([1, 2, 0, 0, 0, 0, 0, 0, 0]);
        int empty = interner.Intern([]);
        Assert.Equal([0, 1, 2, 3, 4], new[] { a, b, c, d, empty });
        Assert.Equal(b, interner.Intern([1, 2, 0]));
        Assert.Equal(empty, interner.Intern([]));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(16)]
    public void Intern_RecurringInBursts_WithRecentSlots_SameIdsAsWithout(int length)
    {
        // Case ids of one length that differ in one byte at either end or in the middle (so that a value remembered
        // for one slot of the recent table is compared with another that lands there), drawn from a window of
        // open cases that moves through the id range as a log in time order does.
        var random = new Random(length);
        var remembering = new Utf8Interner(remembersRecent: true);
        var plain = new Utf8Interner();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        var key = new byte[length];
        for (int i = 0; i < 200_000; i++)
        {
            int open = (i / 4) + random.Next(0, 3_000);
            key.AsSpan().Fill((byte)'C');
            key[0] = (byte)(open % 251);
            key[length / 2] = (byte)(open / 251 % 251);
            key[length - 1] = (byte)(open / 63_001);
            string text = Convert.ToHexString(key);
            if (!expected.TryGetValue(text, out int id))
            {
                id = expected.Count;
                expected.Add(text, id);
            }

            Assert.Equal(id, remembering.Intern(key));
            Assert.Equal(id, plain.Intern(key));
        }

        Assert.Equal(expected.Count, remembering.Count);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(24)]
    public void Intern_KeysWithTheSameTag_GetTheirOwnIds(int length)
    {
        // Two keys of one length, alike in their first eight bytes (four for a key of eight), filed under the same
        // tag (found by trying keys until two collide): only a comparison of every byte tells them apart, in the table
        // and in the recent slots.
        var random = new Random(length);
        var seen = new Dictionary<int, byte[]>();
        byte[] first, second;
        while (true)
        {
            var key = new byte[length];
            int alike = length > 8 ? 8 : 4;
            "CASE-000"u8[..alike].CopyTo(key);
            random.NextBytes(key.AsSpan(alike));
            int tag = Utf8Interner.TagOf(key);
            if (seen.TryGetValue(tag, out var other) && !other.AsSpan().SequenceEqual(key))
            {
                (first, second) = (other, key);
                break;
            }

            seen[tag] = key;
        }

        foreach (bool recent in new[] { false, true })
        {
            var interner = new Utf8Interner(recent);
            Assert.Equal(0, interner.Intern(first));
            Assert.Equal(1, interner.Intern(second));
            Assert.Equal(0, interner.Intern(first));
            Assert.Equal(1, interner.Intern(second));
            Assert.Equal(1, interner.Find(second));
        }
    }
}
