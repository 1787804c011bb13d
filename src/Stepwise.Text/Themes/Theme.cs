namespace Stepwise.Text.Themes;

/// <summary>A theme of comments and the terms that signal it.</summary>
/// <param name="Name">The theme's name.</param>
/// <param name="Terms">Words or phrases, lower-case; a trailing <c>*</c> matches any ending.</param>
/// <param name="Discovered">Whether the theme was discovered from the comments rather than taken from a dictionary.</param>
public sealed record Theme(string Name, IReadOnlyList<string> Terms, bool Discovered = false);
