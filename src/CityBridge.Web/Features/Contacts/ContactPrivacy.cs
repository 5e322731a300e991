using System.Text.Json;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Contacts;

/// <summary>A person's right of access and erasure: export everything held about a contact, or erase the personal fields while keeping the counts.</summary>
public sealed class ContactPrivacy(CityBridgeDb db, IAuditActor actor, TimeProvider clock)
{
    public const string ErasedName = "Erased contact";
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    public const string ErasedText = "[erased]";

    public async Task<string?> ExportAsync(int contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Organization).FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return null;
        }

        var email = contact.Email.ToLowerInvariant();
        var export = new
        {
            exportedAt = clock.GetUtcNow(),
            contact = new { contact.Id, contact.FullName, contact.Email, contact.JobTitle, contact.Phone, Organization = contact.Organization?.Name, contact.ConsentedAt, contact.ConsentText, contact.CreatedAt, contact.UpdatedAt },
            interests = await db.Interests.AsNoTracking().Where(i => i.Email.ToLower() == email || i.ContactId == contactId)
                .Select(i => new
                {
                    i.ReceivedAt,
                    i.FullName,
                    i.Email,
                    i.OrganizationName,
                    i.Message,
                    i.ConsentedAt,
                    i.ConsentText,
                    triage = i.History.OrderBy(h => h.Id).Select(h => new { h.At, h.By, h.Action, h.Note }).ToList(),
                }).ToListAsync(ct),
            programRegistrations = await db.ProgramRegistrations.AsNoTracking().Where(r => r.Email.ToLower() == email)
                .Select(r => new { Program = db.Programs.Where(p => p.Id == r.ProgramId).Select(p => p.Name).FirstOrDefault(), r.DisplayName, r.Email, r.Status, r.AppliedAt, r.CheckedInAt })
                .ToListAsync(ct),
            emails = await db.Outbox.AsNoTracking().Where(m => m.To.ToLower() == email).Select(m => new { m.CreatedAt, m.Subject, m.SentAt }).ToListAsync(ct),
            changes = await AuditOf(contactId).AsNoTracking().Select(a => new { a.At, a.Action, a.UserName, a.Before, a.After }).ToListAsync(ct),
        };
        return JsonSerializer.Serialize(export, ExportJson);
    }

    /// <summary>Removes the contact's personal data everywhere it is kept; the contact record, its organization and all counts remain.</summary>
    public async Task<bool> EraseAsync(int contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return false;
        }

        var email = contact.Email.ToLowerInvariant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        contact.FullName = ErasedName;
        contact.Email = $"erased-{contactId}@erased.invalid";
        contact.JobTitle = null;
        contact.Phone = null;
        contact.ConsentedAt = null;
        contact.ConsentText = null;
        await db.SaveChangesAsync(ct);

        // Interests the person sent: who, where from, what they wrote and the staff's triage notes about it.
        var interests = db.Interests.Where(i => i.Email.ToLower() == email || i.ContactId == contactId);
        await db.InterestEvents.Where(h => interests.Select(i => i.Id).Contains(h.InterestId) && h.Note != null)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Note, ErasedText), ct);
        await interests.ExecuteUpdateAsync(s => s
            .SetProperty(i => i.FullName, ErasedName).SetProperty(i => i.Email, $"erased-{contactId}@erased.invalid")
            .SetProperty(i => i.OrganizationName, ErasedText).SetProperty(i => i.Message, ErasedText), ct);
        await db.Outbox.Where(m => m.To.ToLower() == email).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.To, $"erased-{contactId}@erased.invalid").SetProperty(m => m.Body, ErasedText).SetProperty(m => m.Calendar, (string?)null), ct);
        // The audit trail keeps who changed what and when, but not the erased values themselves.
        await AuditOf(contactId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Before, (string?)null).SetProperty(a => a.After, (string?)null), ct);
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = nameof(CityBridge.Web.Features.Contacts.Contact),
            EntityId = contactId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = "Erased",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private IQueryable<AuditEntry> AuditOf(int contactId)
    {
        var id = contactId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditLog.Where(a => a.EntityType == nameof(CityBridge.Web.Features.Contacts.Contact) && a.EntityId == id);
    }
}
