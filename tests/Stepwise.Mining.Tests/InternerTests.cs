using Stepwise.Mining.Assembly;

namespace Stepwise.Mining.Tests;

/// <summary>The byte-string interner against a dictionary: keys that differ only in length or trailing zero bytes,
/// keys on either side of the inline eight-byte limit, and tables that grow many times or are sized up front.</summary>
public class InternerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Intern_ManyKeysOfEveryLength_MatchesDictionary(bool presized)
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

        var interner = presized ? new Utf8Interner(keys.Count, keys.Sum(k => (long)k.Length)) : new Utf8Interner();
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
}
