namespace Stepwise.Storage.Logs;

/// <summary>One column of a stored log as bytes, e.g. <c>times</c> or <c>event/3/values</c>.</summary>
/// <param name="Key">The column key.</param>
/// <param name="Bytes">The column's bytes (little-endian values, or length-prefixed UTF-8 strings).</param>
public sealed record LogColumn(string Key, ReadOnlyMemory<byte> Bytes);
