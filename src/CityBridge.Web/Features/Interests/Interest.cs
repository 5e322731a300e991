namespace CityBridge.Web.Features.Interests;

/// <summary>Who registers interest.</summary>
public enum InterestKind
{
    Company,
    City,
    Other,
}

/// <summary>Where an interest is in the staff's triage.</summary>
public enum InterestStatus
{
    New,
    Assigned,
    Converted,
    Closed,
}

/// <summary>A public registration of interest, replacing "e-mail us"; triaged by staff.</summary>
public sealed class Interest
{
    public int Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string FullName { get; set; }

    public required string Email { get; set; }

    public required string OrganizationName { get; set; }

    public InterestKind Kind { get; set; }

    public List<string> Sectors { get; set; } = [];

    /// <summary>ISO codes of the ASEAN markets of interest.</summary>
    public List<string> Markets { get; set; } = [];

    public required string Message { get; set; }

    /// <summary>The privacy text shown when the person agreed, kept verbatim.</summary>
    public required string ConsentText { get; set; }

    public DateTimeOffset ConsentedAt { get; set; }

    public InterestStatus Status { get; set; } = InterestStatus.New;

    public string? AssignedTo { get; set; }

    /// <summary>An existing contact with the same e-mail address, found on arrival.</summary>
    public int? DuplicateOfContactId { get; set; }

    /// <summary>The contact created from this interest.</summary>
    public int? ContactId { get; set; }

    public List<InterestEvent> History { get; set; } = [];

    /// <summary>Optimistic concurrency for the triage actions.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One step of an interest's triage.</summary>
public sealed class InterestEvent
{
    public int Id { get; set; }

    public int InterestId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }

    public required string Action { get; set; }

    public string? Note { get; set; }
}
