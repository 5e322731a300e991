using System.ComponentModel.DataAnnotations;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Programs;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Interests;

public sealed class InterestInput
{
    public const string PrivacyText =
        "CityBridge stores the details in this form to answer you and to connect you with the trade program's cities, providers and events. " +
        "Program staff can see them. We keep them until you ask us to delete them; you can ask for a copy or for erasure at any time by replying to our e-mail.";

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "Keep your name under 200 characters.")]
    public string FullName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your e-mail address so we can answer.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address, such as name@example.com.")]
    [StringLength(320)]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your company's or city's name.")]
    [StringLength(200)]
    public string OrganizationName { get; set; } = string.Empty;

    public InterestKind Kind { get; set; } = InterestKind.Company;

    [SectorKeys]
    public List<string> Sectors { get; set; } = [];

    [CountryCodes]
    public List<string> Markets { get; set; } = [];

    [Required(ErrorMessage = "Tell us in a sentence or two what you are looking for.")]
    [StringLength(4000, MinimumLength = 10, ErrorMessage = "Write between 10 and 4,000 characters.")]
    public string Message { get; set; } = string.Empty;

    [MustBeChecked(ErrorMessage = "We can only keep your request if you agree to the privacy notice.")]
    public bool Consent { get; set; }

    /// <summary>A field people never see; software that fills in every field gives itself away.</summary>
    public string? Website { get; set; }
}

/// <summary>The outcome of a public submission.</summary>
public enum IntakeOutcome
{
    Stored,
    Invalid,
    /// <summary>Looked like spam or a repeat; the visitor sees the usual thanks, nothing is stored.</summary>
    Dropped,
}

/// <summary>Stores public interest with consent, duplicate detection and a confirmation e-mail in one transaction.</summary>
public sealed class InterestIntake(CityBridgeDb db, TimeProvider clock)
{
    /// <summary>How many requests one e-mail address may file in a day.</summary>
    public const int PerAddressPerDay = 3;

    /// <summary>The first key of the PostgreSQL advisory lock taken per address (the second is the address's hash).</summary>
    private const int AddressLock = 0x1e7e5;

    public async Task<(IntakeOutcome Outcome, ValidationErrors Errors)> SubmitAsync(InterestInput input, CancellationToken ct)
    {
        var errors = ValidationErrors.Annotations(input);
        if (!string.IsNullOrEmpty(input.Website))
        {
            return (IntakeOutcome.Dropped, errors);
        }

        if (!errors.IsEmpty)
        {
            return (IntakeOutcome.Invalid, errors);
        }

        var email = input.Email.Trim();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // Submissions from one address are counted and stored one at a time, also across instances; SQLite's
            // single writer does the same for its one process.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AddressLock}, hashtext({email.ToLowerInvariant()}))", ct);
        }

        var recent = (await db.Interests.Where(i => i.Email.ToLower() == email.ToLowerInvariant()).Select(i => i.ReceivedAt).ToListAsync(ct))
            .Count(at => at > now.AddDays(-1));
        if (recent >= PerAddressPerDay)
        {
            return (IntakeOutcome.Dropped, errors);
        }

        var duplicateOf = await db.Contacts.Where(c => c.Email.ToLower() == email.ToLowerInvariant()).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var interest = new Interest
        {
            ReceivedAt = now,
            FullName = input.FullName.Trim(),
            Email = email,
            OrganizationName = input.OrganizationName.Trim(),
            Kind = input.Kind,
            Sectors = ListText.Normalize(input.Sectors),
            Markets = ListText.NormalizeCodes(input.Markets),
            Message = input.Message.Trim(),
            ConsentText = InterestInput.PrivacyText,
            ConsentedAt = now,
            DuplicateOfContactId = duplicateOf,
            History = [new InterestEvent { At = now, By = "public form", Action = "Received", Note = duplicateOf is null ? null : "Same e-mail as an existing contact." }],
        };
        db.Interests.Add(interest);
        // The confirmation goes to an address nobody has verified: it repeats nothing the submitter typed.
        db.Enqueue(email, EmailTemplates.InterestReceived, new Dictionary<string, string>
        {
            ["PrivacyText"] = InterestInput.PrivacyText,
        }, clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (IntakeOutcome.Stored, errors);
    }

    /// <summary>Staff triage: assign, convert into an organization and contact, or close; every step is kept in the history.</summary>
    public async Task<string?> TriageAsync(int id, string action, string staffName, string? note, Guid version, CancellationToken ct)
    {
        var (interest, problem) = await OpenForTriageAsync(id, version, ct);
        if (interest is null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        switch (action)
        {
            case "assign":
                interest.Status = InterestStatus.Assigned;
                interest.AssignedTo = staffName;
                break;
            case "convert" when interest.ContactId is null:
                interest.ContactId = await ConvertAsync(interest, now, ct);
                interest.Status = InterestStatus.Converted;
                break;
            case "close":
                interest.Status = InterestStatus.Closed;
                break;
            default:
                return "That action is not possible for this request.";
        }

        interest.Version = Guid.NewGuid();
        db.InterestEvents.Add(new InterestEvent { InterestId = id, At = now, By = staffName, Action = action switch { "assign" => "Assigned", "convert" => "Converted to contact", _ => "Closed" }, Note = note });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Invites the person behind a converted request to a program: the invitation e-mail (through the program's outbox)
    /// and the history entry are saved together. Returns what went wrong, or null.
    /// </summary>
    public async Task<string?> InviteToProgramAsync(int id, int? programId, Actor staff, string staffName, string? note, Guid version, ProgramWorkflow programs, CancellationToken ct)
    {
        var (interest, problem) = await OpenForTriageAsync(id, version, ct);
        if (interest is null)
        {
            return problem;
        }

        if (programId is null)
        {
            return "Choose the program to invite them to.";
        }

        if (interest.ContactId is null && interest.DuplicateOfContactId is null)
        {
            return "Convert the request to a contact first: invitations go to contacts and accounts.";
        }

        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return "There is no such program.";
        }

        interest.Version = Guid.NewGuid();
        var action = $"Invited to {program}";
        db.InterestEvents.Add(new InterestEvent { InterestId = id, At = clock.GetUtcNow(), By = staffName, Action = action.Length <= 64 ? action : action[..63] + "…", Note = note });
        // The workflow saves the invitation e-mail, and with it the history entry above, in one transaction.
        var refusal = await programs.InviteAsync(programId.Value, [interest.Email], staff, ct);
        return refusal?.Message;
    }

    /// <summary>The request to act on, or why not: unknown, or changed by somebody else since the staff member opened it.</summary>
    private async Task<(Interest? Interest, string? Problem)> OpenForTriageAsync(int id, Guid version, CancellationToken ct)
    {
        var interest = await db.Interests.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interest is null)
        {
            return (null, "There is no such interest.");
        }

        return interest.Version == version
            ? (interest, null)
            : (null, "Somebody else handled this request after you opened it. Reload to see what they did.");
    }

    private async Task<int> ConvertAsync(Interest interest, DateTimeOffset now, CancellationToken ct)
    {
        if (interest.DuplicateOfContactId is { } existing)
        {
            return existing;
        }

        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Name.ToLower() == interest.OrganizationName.ToLowerInvariant(), ct);
        if (organization is null)
        {
            organization = new Organization
            {
                Name = interest.OrganizationName,
                Kind = interest.Kind == InterestKind.City ? OrganizationKind.CityGovernment : OrganizationKind.Provider,
                Sectors = [.. interest.Sectors],
                ExperienceCountries = [],
            };
            if (organization.Kind == OrganizationKind.CityGovernment)
            {
                // A city government must name its city; until staff do, keep it as a partner record.
                organization.Kind = OrganizationKind.PartnerAgency;
            }

            db.Organizations.Add(organization);
        }

        var contact = new Contact
        {
            Organization = organization,
            FullName = interest.FullName,
            Email = interest.Email,
            ConsentedAt = interest.ConsentedAt,
            ConsentText = interest.ConsentText,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }
}
