namespace Stepwise.Simulation.Engine;

/// <summary>A change to the sequence of steps a case will go through, applied when the case arrives.</summary>
internal abstract class PathEdit
{
    /// <summary>Edits the path in place: steps in <paramref name="steps"/>, parallel block ids in <paramref name="blocks"/>
    /// (0 = on its own) and, for each step, its time from due to done drawn on the path as it would have run
    /// (<paramref name="times"/>, NaN for a step that takes its work only) and the chance that whoever did the step
    /// before carries it on (<paramref name="carry"/>), which move with it, returning the new length. Buffers have room
    /// for the path to grow by <see cref="Growth"/>.</summary>
    public abstract int Apply(int[] steps, int[] blocks, double[] times, double[] carry, int length);

    public virtual int Growth => 0;
}

internal sealed class RemoveStepEdit(int step) : PathEdit
{
    public override int Apply(int[] steps, int[] blocks, double[] times, double[] carry, int length)
    {
        int w = 0;
        for (int r = 0; r < length; r++)
        {
            if (steps[r] != step)
            {
                steps[w] = steps[r];
                blocks[w] = blocks[r];
                times[w] = times[r];
                carry[w] = carry[r];
                w++;
            }
        }

        return w;
    }
}

/// <summary>Two steps done one after the other become one.</summary>
/// <param name="first">The first step.</param>
/// <param name="second">The step that directly follows it.</param>
/// <param name="merged">The step they become.</param>
/// <param name="replacesTimes">Whether the merged step takes a duration of its own (given in the scenario) instead of
/// the two steps' times.</param>
internal sealed class MergeStepsEdit(int first, int second, int merged, bool replacesTimes) : PathEdit
{
    public override int Apply(int[] steps, int[] blocks, double[] times, double[] carry, int length)
    {
        int w = 0;
        for (int r = 0; r < length; r++)
        {
            if (steps[r] == first && r + 1 < length && steps[r + 1] == second && blocks[r] == 0 && blocks[r + 1] == 0)
            {
                // The merged step takes the time of both (NaN when either takes its work only: the work of both then).
                steps[w] = merged;
                blocks[w] = 0;
                times[w] = replacesTimes ? double.NaN : times[r] + times[r + 1];
                carry[w] = carry[r];
                w++;
                r++;
                continue;
            }

            steps[w] = steps[r];
            blocks[w] = blocks[r];
            times[w] = times[r];
            carry[w] = carry[r];
            w++;
        }

        return w;
    }
}

internal sealed class MoveStepEdit(int step, int before) : PathEdit
{
    public override int Apply(int[] steps, int[] blocks, double[] times, double[] carry, int length)
    {
        int target = Array.IndexOf(steps, before, 0, length);
        if (target < 0)
        {
            return length;
        }

        int from = Array.IndexOf(steps, step, target + 1, length - target - 1);
        if (from < 0)
        {
            return length;
        }

        int moved = steps[from];
        double movedTime = times[from];
        double movedCarry = carry[from];
        Array.Copy(steps, target, steps, target + 1, from - target);
        Array.Copy(blocks, target, blocks, target + 1, from - target);
        Array.Copy(times, target, times, target + 1, from - target);
        Array.Copy(carry, target, carry, target + 1, from - target);
        steps[target] = moved;
        blocks[target] = 0;
        times[target] = movedTime;
        carry[target] = movedCarry;
        return length;
    }
}

internal sealed class ParallelStepsEdit(int[] members, int block) : PathEdit
{
    public override int Apply(int[] steps, int[] blocks, double[] times, double[] carry, int length)
    {
        Span<int> at = members.Length <= 16 ? stackalloc int[members.Length] : new int[members.Length];
        int present = 0;
        int earliest = int.MaxValue;
        for (int m = 0; m < members.Length; m++)
        {
            at[m] = Array.IndexOf(steps, members[m], 0, length);
            if (at[m] >= 0)
            {
                present++;
                earliest = Math.Min(earliest, at[m]);
            }
        }

        if (present < 2)
        {
            return length;
        }

        // Rebuild: the members present go, in the given order, to the earliest position as one block.
        int w = 0;
        Span<int> copySteps = length <= 256 ? stackalloc int[length] : new int[length];
        Span<int> copyBlocks = length <= 256 ? stackalloc int[length] : new int[length];
        Span<double> copyTimes = length <= 256 ? stackalloc double[length] : new double[length];
        Span<double> copyCarry = length <= 256 ? stackalloc double[length] : new double[length];
        steps.AsSpan(0, length).CopyTo(copySteps);
        blocks.AsSpan(0, length).CopyTo(copyBlocks);
        times.AsSpan(0, length).CopyTo(copyTimes);
        carry.AsSpan(0, length).CopyTo(copyCarry);
        for (int r = 0; r < length; r++)
        {
            if (r == earliest)
            {
                for (int m = 0; m < members.Length; m++)
                {
                    if (at[m] >= 0)
                    {
                        steps[w] = members[m];
                        blocks[w] = block;
                        times[w] = copyTimes[at[m]];
                        carry[w] = copyCarry[at[m]];
                        w++;
                    }
                }

                continue;
            }

            if (at.IndexOf(r) >= 0)
            {
                continue;
            }

            steps[w] = copySteps[r];
            blocks[w] = copyBlocks[r];
            times[w] = copyTimes[r];
            carry[w] = copyCarry[r];
            w++;
        }

        return w;
    }
}
