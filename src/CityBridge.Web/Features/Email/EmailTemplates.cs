using System.Collections.Concurrent;
using CityBridge.Core.Messages;

namespace CityBridge.Web.Features.Email;

/// <summary>
/// The e-mail texts: plain-text files in <c>Features/Email/Templates</c>, built into the assembly, rendered by
/// <see cref="TextTemplate"/>. A text changes by editing its file, under version control like the code.
/// </summary>
public static class EmailTemplates
{
    public const string InterestReceived = "interest-received";
    public const string Invitation = "invitation";
    public const string PasswordReset = "password-reset";

    private static readonly ConcurrentDictionary<string, string> Loaded = new(StringComparer.Ordinal);

    /// <summary>Every template the app ships.</summary>
    public static IReadOnlyList<string> All { get; } = [InterestReceived, Invitation, PasswordReset];

    public static RenderedText Render(string name, IReadOnlyDictionary<string, string> values) => TextTemplate.Render(Source(name), values);

    /// <summary>The template file's text.</summary>
    public static string Source(string name) => Loaded.GetOrAdd(name, static n =>
    {
        var resource = $"{typeof(EmailTemplates).Namespace}.Templates.{n}.txt";
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"There is no e-mail template {n} (resource {resource}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
