using System.Text.RegularExpressions;

namespace CityBridge.Web.Features.Email;

/// <summary>A subject and a plain-text body rendered from a template.</summary>
public sealed record RenderedEmail(string Subject, string Body);

/// <summary>
/// Renders the plain-text e-mail templates embedded in the app (<c>Features/*/EmailTemplates/*.txt</c>): the first line is
/// <c>Subject: ...</c>, the rest the body, and <c>{{name}}</c> is replaced by the value given for it.
/// </summary>
public static partial class TextTemplate
{
    public static RenderedEmail Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = Load(template);
        var filled = Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"E-mail template '{template}' uses {{{{{m.Groups[1].Value}}}}}, which has no value."));
        var newline = filled.IndexOf('\n', StringComparison.Ordinal);
        var first = newline < 0 ? filled : filled[..newline];
        if (!first.StartsWith("Subject:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"E-mail template '{template}' must start with a 'Subject:' line.");
        }

        return new RenderedEmail(first["Subject:".Length..].Trim(), newline < 0 ? string.Empty : filled[(newline + 1)..].Trim('\r', '\n') + "\n");
    }

    /// <summary>The template's raw text, as under version control.</summary>
    public static string Load(string template)
    {
        using var stream = typeof(TextTemplate).Assembly.GetManifestResourceStream($"CityBridge.EmailTemplates.{template}.txt")
            ?? throw new InvalidOperationException($"There is no e-mail template '{template}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{\{([a-zA-Z]+)\}\}")]
    private static partial Regex Placeholder();
}
