using System.Text.RegularExpressions;

namespace CityBridge.Core.Messages;

/// <summary>A message rendered from a template: the subject from its first line, the rest as the body.</summary>
public sealed record RenderedText(string Subject, string Body);

/// <summary>
/// Plain-text templates with <c>{{Name}}</c> placeholders. The first line is <c>Subject: …</c>, a blank line follows, then
/// the body. A placeholder without a value, or a value nobody asked for, is a programming error and throws.
/// </summary>
public static partial class TextTemplate
{
    private const string SubjectPrefix = "Subject:";

    public static RenderedText Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = template.ReplaceLineEndings("\n");
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstBreak < 0 ? text : text[..firstBreak];
        if (!firstLine.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            throw new FormatException($"A message template starts with '{SubjectPrefix} …'; this one starts with '{firstLine}'.");
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        string Fill(string part) => Placeholder().Replace(part, m =>
        {
            var name = m.Groups[1].Value;
            used.Add(name);
            return values.TryGetValue(name, out var value)
                ? value
                : throw new KeyNotFoundException($"The template needs a value for {{{{{name}}}}}.");
        });

        var subject = Fill(firstLine[SubjectPrefix.Length..].Trim());
        var body = firstBreak < 0 ? string.Empty : Fill(text[(firstBreak + 1)..].TrimStart('\n'));
        var unused = values.Keys.Where(k => !used.Contains(k)).ToList();
        if (unused.Count > 0)
        {
            throw new ArgumentException($"The template has no placeholder for {string.Join(", ", unused)}.", nameof(values));
        }

        // Subjects are one line: a value with a line break must not add a header.
        return new RenderedText(subject.ReplaceLineEndings(" "), body);
    }

    /// <summary>The placeholder names a template uses, for checking templates against their callers.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex Placeholder();
}
