using Stepwise.Mining.Assembly;

namespace Stepwise.Mining.IO.Csv;

/// <summary>
/// The file's value tables (case ids, activities, resources, attribute values), filled wave by wave as each wave is
/// parsed: every chunk's own ids are remapped to these where its rows lie and the chunk's tables are let go. Chunks
/// are taken in file order, so ids follow first appearance in the file. A streamed input parsed in many waves thus
/// holds one set of tables, not one per chunk of every wave.
/// </summary>
internal sealed class CsvValueTables(int attributeCount)
{
    public Utf8Interner Cases { get; private set; } = new();

    public Utf8Interner Activities { get; private set; } = new();

    public Utf8Interner Resources { get; private set; } = new();

    public Utf8Interner[] Attributes { get; private set; } = Utf8Interner.Many(attributeCount);

    /// <summary>Lets go of the tables once the log's names are made from them.</summary>
    public void Release()
    {
        Cases = Activities = Resources = new Utf8Interner();
        Attributes = [];
    }

    /// <summary>Takes in the values of one parsed and verified wave.</summary>
    public void Absorb(CsvWave wave)
    {
        var chunks = wave.Chunks;
        if (Cases.Count == 0 && Activities.Count == 0)
        {
            // The first wave (a plain file's only one) sizes each table once for its chunks' values, an upper bound
            // as values recur across chunks, so that merging many distinct case ids leaves no outgrown table behind.
            Utf8Interner Sized(Func<CsvChunkParser, Utf8Interner> of)
            {
                long count = 0, bytes = 0;
                foreach (var chunk in chunks)
                {
                    count += of(chunk).Count;
                    bytes += of(chunk).ByteCount;
                }

                return new((int)Math.Min(count, Array.MaxLength), bytes);
            }

            Cases = Sized(c => c.Cases);
            Activities = Sized(c => c.ActivityNames);
            Resources = Sized(c => c.ResourceNames);
            Attributes = new Utf8Interner[attributeCount];
            for (int k = 0; k < attributeCount; k++)
            {
                Attributes[k] = Sized(c => c.AttributeValues[k]);
            }
        }

        // Each chunk's maps are made in file order (ids follow first appearance), and its columns rewritten while the
        // next chunk's maps are made: the rewriting of one chunk overlaps the table work of the next. A map that
        // changes no id (the first chunk's, and often a later chunk's map of few names) is not applied.
        var events = wave.Events;
        var rewrites = new List<Task>();
        foreach (var chunk in chunks)
        {
            int at = chunk.BaseRow, n = chunk.Rows;
            var work = new List<Action>();
            void Rewrite(int[] column, Utf8Interner local, Utf8Interner global)
            {
                var map = CsvMerge.MapInto(local, global);
                if (!CsvMerge.IsIdentity(map))
                {
                    work.Add(() => CsvMerge.Remap(column, at, n, map));
                }
            }

            Rewrite(events.CaseOf, chunk.Cases, Cases);
            Rewrite(events.Activities, chunk.ActivityNames, Activities);
            Rewrite(events.Resources, chunk.ResourceNames, Resources);
            for (int k = 0; k < attributeCount; k++)
            {
                Rewrite(events.Attributes[k], chunk.AttributeValues[k], Attributes[k]);
            }

            chunk.ReleaseTables();
            if (work.Count > 0)
            {
                var actions = work.ToArray();
                rewrites.Add(Task.Run(() => System.Threading.Tasks.Parallel.Invoke(actions)));
            }
        }

        Task.WaitAll(rewrites.ToArray());
    }
}
