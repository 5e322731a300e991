using CityBridge.Core.Library;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Library;

/// <summary>The demo data set's library: Markdown files with a small front matter in <c>data/demo/library</c>, one per workshop topic.</summary>
public static class DemoLibrary
{
    public static async Task SeedAsync(CityBridgeDb db, CancellationToken ct)
    {
        if (await db.LibraryDocuments.AnyAsync(ct))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(DataSeeder.ShippedDataFolder, "demo", "library"), "*.md").Order(StringComparer.Ordinal))
        {
            var input = Parse(Path.GetFileNameWithoutExtension(file), await File.ReadAllTextAsync(file, ct));
            var errors = ValidationErrors.Annotations(input);
            if (!errors.IsEmpty)
            {
                throw new InvalidOperationException($"The shipped demo document {file} is invalid: {string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value))}");
            }

            db.LibraryDocuments.Add(input.ToNewEntity());
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reads <c>key: value</c> lines between <c>---</c> markers, then the Markdown body.</summary>
    public static LibraryDocumentInput Parse(string slug, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var end = Array.IndexOf(lines, "---", 1);
        if (lines[0] != "---" || end < 0)
        {
            throw new FormatException($"Demo document {slug} has no front matter between '---' lines.");
        }

        var fields = lines[1..end].Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim().Trim('"'), StringComparer.Ordinal);
        return new LibraryDocumentInput
        {
            Slug = slug,
            Title = fields["title"],
            Kind = Enum.Parse<LibraryKind>(fields["kind"]),
            Summary = fields.GetValueOrDefault("summary"),
            Sectors = ListText.Split(fields.GetValueOrDefault("sectors")),
            Topics = ListText.Split(fields.GetValueOrDefault("topics")),
            IsPublished = fields.GetValueOrDefault("published") == "true",
            Body = string.Join('\n', lines[(end + 1)..]).Trim(),
        };
    }
}
