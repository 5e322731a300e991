namespace CityBridge.Core.Programs;

/// <summary>The four kinds of program staff run.</summary>
public enum ProgramKind
{
    /// <summary>A multi-day workshop for city participants, each with one priority project.</summary>
    Workshop,

    /// <summary>City officials taken to a sector trade show to meet exhibitors.</summary>
    TradeShowDelegation,

    /// <summary>A sector program at a trade show (water, safety and security, transportation, ...).</summary>
    SectorProgram,

    /// <summary>Experts visiting several cities, each visit tied to the city's challenges and projects.</summary>
    ExpertDelegation,
}

/// <summary>Where a registration stands.</summary>
public enum RegistrationStatus
{
    Applied,
    Approved,
    Waitlisted,
    Cancelled,
    CheckedIn,
}
