using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Shared;

/// <summary>An option of a select list.</summary>
public sealed record Choice(int Id, string Label);

/// <summary>The options of the forms' select lists.</summary>
public static class Choices
{
    public static Task<List<Choice>> CitiesAsync(CityBridgeDb db, CancellationToken ct) =>
        db.Cities.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name + " (" + c.Country!.Name + ")")).ToListAsync(ct);

    public static Task<List<Choice>> OrganizationsAsync(CityBridgeDb db, CancellationToken ct, OrganizationKind? kind = null) =>
        db.Organizations.AsNoTracking().Where(o => kind == null || o.Kind == kind).OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);

    public static string KindLabel(OrganizationKind kind) => kind switch
    {
        OrganizationKind.CityGovernment => "City government",
        OrganizationKind.Provider => "Provider",
        OrganizationKind.PartnerAgency => "Partner agency",
        _ => "Financier",
    };
}
