namespace CityBridge.Core.Domain;

/// <summary>What kind of organization takes part in the program.</summary>
public enum OrganizationKind
{
    CityGovernment,
    Provider,
    PartnerAgency,
    Financier,
}
