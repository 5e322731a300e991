using System.Text.Json;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Library;

/// <summary>Where a document can be linked: each target kind and how to tell that a target exists.</summary>
public static class LibraryLinkTargets
{
    public const string Project = "project";

    public const string ProgramSession = "program-session";

    /// <summary>Another feature adds its kind here (e.g. "program-session") with one line.</summary>
    private static readonly Dictionary<string, Func<CityBridgeDb, int, CancellationToken, Task<bool>>> Exists = new(StringComparer.Ordinal)
    {
        [Project] = (db, id, ct) => db.Projects.AnyAsync(p => p.Id == id, ct),
        [ProgramSession] = (db, id, ct) => db.ProgramSessions.AnyAsync(s => s.Id == id, ct),
    };

    public static bool IsKnown(string kind) => Exists.ContainsKey(kind);

    public static Task<bool> ExistsAsync(CityBridgeDb db, string kind, int id, CancellationToken ct) =>
        Exists.TryGetValue(kind, out var exists) ? exists(db, id, ct) : Task.FromResult(false);
}

/// <summary>What the partial <c>_LibraryLinks</c> needs: the page it sits on.</summary>
public sealed record LibraryLinkTarget(string Kind, int Id, string? Heading = null);

/// <summary>One linked document as the partial shows it.</summary>
public sealed record LinkedDocument(long LinkId, int DocumentId, string Slug, string Title, string KindLabel, bool IsPublished);

/// <summary>The documents linked to a target, and for staff the ones they could add.</summary>
public sealed record LibraryLinksView(LibraryLinkTarget Target, IReadOnlyList<LinkedDocument> Linked, IReadOnlyList<Shared.Choice> Addable, bool CanEdit);

/// <summary>Reads and changes the links between documents and other pages; staff change them, everyone sees the published ones.</summary>
public sealed class LibraryLinks(CityBridgeDb db, TimeProvider clock)
{
    public async Task<LibraryLinksView> ForTargetAsync(LibraryLinkTarget target, Actor actor, CancellationToken ct)
    {
        var documents = LibraryDefinition.Instance.VisibleTo(db.LibraryDocuments.AsNoTracking(), actor);
        var linked = (await db.LibraryLinks.AsNoTracking()
            .Where(l => l.TargetKind == target.Kind && l.TargetId == target.Id)
            .Join(documents, l => l.DocumentId, d => d.Id, (l, d) => new { l.Id, DocumentId = d.Id, d.Slug, d.Title, d.Kind, d.IsPublished })
            .ToListAsync(ct))
            .OrderBy(d => d.Title, StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new LinkedDocument(d.Id, d.DocumentId, d.Slug, d.Title, LibraryDefinition.KindLabel(d.Kind), d.IsPublished))
            .ToList();
        var canEdit = MayEdit(actor);
        IReadOnlyList<Shared.Choice> addable = [];
        if (canEdit)
        {
            var taken = linked.Select(l => l.DocumentId).ToList();
            addable = await db.LibraryDocuments.AsNoTracking().Where(d => !taken.Contains(d.Id)).OrderBy(d => d.Title)
                .Select(d => new Shared.Choice(d.Id, d.Title)).ToListAsync(ct);
        }

        return new LibraryLinksView(target, linked, addable, canEdit);
    }

    public static bool MayEdit(Actor actor) => actor.IsStaffWriter;

    /// <summary>Links a document to a target; returns a message for the user when that is not possible.</summary>
    public async Task<string?> AddAsync(int documentId, LibraryLinkTarget target, Actor actor, CancellationToken ct)
    {
        if (!LibraryLinkTargets.IsKnown(target.Kind) || !await LibraryLinkTargets.ExistsAsync(db, target.Kind, target.Id, ct))
        {
            return $"There is no {target.Kind} with id {target.Id} to link to.";
        }

        if (!await db.LibraryDocuments.AnyAsync(d => d.Id == documentId, ct))
        {
            return "Choose a document from the library.";
        }

        if (await db.LibraryLinks.AnyAsync(l => l.DocumentId == documentId && l.TargetKind == target.Kind && l.TargetId == target.Id, ct))
        {
            return null;
        }

        db.LibraryLinks.Add(new LibraryLink { DocumentId = documentId, TargetKind = target.Kind, TargetId = target.Id, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name });
        Audit(actor, documentId, target, "Linked");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Somebody added the same link at the same moment: the unique index kept one, which is what was asked for.
        }

        return null;
    }

    public async Task RemoveAsync(long linkId, Actor actor, CancellationToken ct)
    {
        var link = await db.LibraryLinks.FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null)
        {
            return;
        }

        db.LibraryLinks.Remove(link);
        Audit(actor, link.DocumentId, new LibraryLinkTarget(link.TargetKind, link.TargetId), "Unlinked");
        await db.SaveChangesAsync(ct);
    }

    private void Audit(Actor actor, int documentId, LibraryLinkTarget target, string action) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.Name,
            EntityType = nameof(LibraryDocument),
            EntityId = documentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = action,
            After = JsonSerializer.Serialize(new { target.Kind, target.Id }),
        });
}
