using Ganss.Xss;
using Markdig;

namespace CityBridge.Web.Features.Library;

/// <summary>Turns a document's Markdown into HTML that is safe to show: Markdig renders, HtmlSanitizer keeps only harmless markup.</summary>
public static class LibraryMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .Build();

    public static string ToSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        // A new sanitizer per call: its settings are not meant to be shared across threads while in use.
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer.Sanitize(html);
    }

    /// <summary>The document's text without markup, for the search index and excerpts.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline);
}
