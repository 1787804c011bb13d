namespace Stepwise.Maps.Layout;

/// <summary>Edge crossings of a layered drawing (pairs of edge segments between the same two layers whose ends are in
/// opposite order) as left by each crossing-reduction method, so that a map can say how its order compares.</summary>
/// <param name="Barycentre">After barycentre sweeps and transposition (for graphs beyond map size, after the sweeps).</param>
/// <param name="Median">After median sweeps and transposition (for graphs beyond map size, after the sweeps).</param>
/// <param name="Final">In the drawing: the better of the two, improved by sifting where that helps; never more than
/// either.</param>
public readonly record struct CrossingReport(int Barycentre, int Median, int Final);
