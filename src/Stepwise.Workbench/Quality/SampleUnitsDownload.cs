namespace Stepwise.Workbench.Quality;

/// <summary>The units of a kept sample as a CSV file.</summary>
/// <param name="Content">The file, UTF-8 without a byte-order mark.</param>
/// <param name="FileName">A file name for it: the units file's name at the draw.</param>
/// <param name="Pseudonymised">Whether the ids are keyed pseudonyms.</param>
/// <param name="Units">The units in it.</param>
public sealed record SampleUnitsDownload(byte[] Content, string FileName, bool Pseudonymised, int Units);
