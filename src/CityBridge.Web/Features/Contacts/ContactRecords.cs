using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Contacts;

public sealed record ContactDto(int Id, int OrganizationId, string OrganizationName, string FullName, string Email, string? JobTitle, string? Phone, DateTimeOffset? ConsentedAt, string? ConsentText, Guid Version) : IRecordDto;

public sealed class ContactInput : IRecordInput<Contact>
{
    public const string DefaultConsentText = "I agree that the CityBridge program may store my contact details and contact me about matching projects, meetings and program events. I can ask for my data or its erasure at any time.";

    [Range(1, int.MaxValue, ErrorMessage = "Choose the organization this person works for.")]
    public int OrganizationId { get; set; }

    [Required(ErrorMessage = "Enter the person's full name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string FullName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter an e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address, such as name@example.com.")]
    [StringLength(320)]
    public string Email { get; set; } = string.Empty;

    [StringLength(200)]
    public string? JobTitle { get; set; }

    [Phone(ErrorMessage = "Enter a phone number with digits, spaces, + or -.")]
    [StringLength(50)]
    public string? Phone { get; set; }

    /// <summary>True when the person has agreed to <see cref="DefaultConsentText"/>.</summary>
    public bool Consented { get; set; }

    public Guid? Version { get; set; }

    public static ContactInput From(ContactDto c) => new()
    {
        OrganizationId = c.OrganizationId,
        FullName = c.FullName,
        Email = c.Email,
        JobTitle = c.JobTitle,
        Phone = c.Phone,
        Consented = c.ConsentedAt is not null,
        Version = c.Version,
    };

    public Contact ToNewEntity()
    {
        var contact = new Contact { FullName = string.Empty, Email = string.Empty };
        ApplyTo(contact);
        return contact;
    }

    public void ApplyTo(Contact entity)
    {
        entity.OrganizationId = OrganizationId;
        entity.FullName = FullName.Trim();
        entity.Email = Email.Trim();
        entity.JobTitle = JobTitle?.Trim();
        entity.Phone = Phone?.Trim();
        if (Consented && entity.ConsentedAt is null)
        {
            // CityBridgeDb stamps ConsentedAt with the save's time.
            entity.ConsentText = DefaultConsentText;
        }
        else if (!Consented)
        {
            entity.ConsentedAt = null;
            entity.ConsentText = null;
        }
    }

    public async Task CheckReferencesAsync(CityBridgeDb db, int? id, ValidationErrors errors, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == OrganizationId, ct))
        {
            errors.Add("organizationId", $"There is no organization with id {OrganizationId}.");
        }
    }
}

public sealed class ContactDefinition : RecordDefinition<Contact, ContactInput, ContactDto>
{
    public static ContactDefinition Instance { get; } = new();

    public override string Plural => "contacts";

    public override string Singular => "contact";

    public override Expression<Func<Contact, ContactDto>> ToDto { get; } = c =>
        new ContactDto(c.Id, c.OrganizationId, c.Organization!.Name, c.FullName, c.Email, c.JobTitle, c.Phone, c.ConsentedAt, c.ConsentText, c.Version);

    protected override ValueTask<IQueryable<Contact>> FilterAsync(CityBridgeDb db, DirectoryFilter filter, CancellationToken ct)
    {
        var query = db.Contacts.AsNoTracking();
        if (filter.Text is { } text)
        {
            query = query.WhereAnyContains(db, text, c => c.FullName, c => c.Email);
        }

        if (filter.OrganizationId is { } organizationId)
        {
            query = query.Where(c => c.OrganizationId == organizationId);
        }

        return ValueTask.FromResult<IQueryable<Contact>>(query.OrderBy(c => c.FullName).ThenBy(c => c.Id));
    }

    /// <summary>Contacts are personal data: staff see all, members see their own organization's.</summary>
    public override bool AnonymousMayRead => false;

    public override IQueryable<Contact> VisibleTo(IQueryable<Contact> query, Actor actor)
    {
        if (actor.IsStaff)
        {
            return query;
        }

        var organizationId = actor.OrganizationId ?? -1;
        return query.Where(c => c.OrganizationId == organizationId);
    }

    public override bool MayCreate(Actor actor, ContactInput input) => actor.IsStaff || actor.ActsFor(input.OrganizationId);

    public override bool MayCreateAny(Actor actor) => actor.IsStaff || actor.OrganizationId is not null;

    public override bool MayChange(Actor actor, Contact entity) => actor.IsStaff || actor.ActsFor(entity.OrganizationId);
}
