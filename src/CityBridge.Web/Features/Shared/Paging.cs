using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Shared;

/// <summary>One page of a collection; serialised as the API's <c>{ items, total }</c> shape.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (int)Math.Ceiling(Total / (double)PageSize);
}

/// <summary>Which page of a collection to show (<c>?page=&amp;pageSize=</c>), clamped to sensible bounds.</summary>
public class PageRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    /// <remarks>Read from the query string only: Razor Pages keep the route value "page" for the page's own name.</remarks>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]
    public int? Page { get; set; }

    public int? PageSize { get; set; }

    public int PageNumber => Math.Max(1, Page ?? 1);

    public int Size => Math.Clamp(PageSize ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>How many records come before this page (capped, so an absurd page number reads an empty page).</summary>
    public int Offset => (int)Math.Min(int.MaxValue, (PageNumber - 1L) * Size);
}

/// <summary>The filters every directory (list page and collection endpoint) understands; each applies the ones it has.</summary>
public sealed class DirectoryFilter : PageRequest
{

    /// <summary>Free text, matched against names, titles and descriptions.</summary>
    public string? Q { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? Country { get; set; }

    /// <summary>Sector key from the taxonomy.</summary>
    public string? Sector { get; set; }

    /// <summary>Organization kind (CityGovernment, Provider, PartnerAgency, Financier).</summary>
    public string? Kind { get; set; }

    /// <summary>Workshop topic key of the best-practice library.</summary>
    public string? Topic { get; set; }

    public int? CityId { get; set; }

    public int? OrganizationId { get; set; }

    /// <summary>Project stage (Idea … Operation).</summary>
    public string? Stage { get; set; }

    /// <summary>Only pilot cities of the ASEAN Smart Cities Network.</summary>
    public bool? Pilot { get; set; }

    public string? Text => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim().ToLowerInvariant();

    /// <summary>Every value that picks and orders the matching records, whatever the page: a key for <see cref="DirectoryCache"/>.</summary>
    public DirectorySelection Selection => new(Text, Country, Sector, Kind, Topic, CityId, OrganizationId, Stage, Pilot);

    /// <summary>The link to page <paramref name="page"/> with the same filters, relative to the current path.</summary>
    public string QueryFor(int page) => Microsoft.AspNetCore.Http.QueryString.Create(ToRouteValues(page).Where(v => !string.IsNullOrEmpty(v.Value))).ToUriComponent();

    public Dictionary<string, string?> ToRouteValues(int page) => new()
    {
        ["q"] = Q,
        ["country"] = Country,
        ["sector"] = Sector,
        ["kind"] = Kind,
        ["topic"] = Topic,
        ["cityId"] = CityId?.ToString(CultureInfo.InvariantCulture),
        ["organizationId"] = OrganizationId?.ToString(CultureInfo.InvariantCulture),
        ["stage"] = Stage,
        ["pilot"] = Pilot?.ToString().ToLowerInvariant(),
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
        ["pageSize"] = PageSize?.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The filter values of a <see cref="DirectoryFilter"/>, compared by value.</summary>
public readonly record struct DirectorySelection(
    string? Text, string? Country, string? Sector, string? Kind, string? Topic, int? CityId, int? OrganizationId, string? Stage, bool? Pilot);

public static class PagingExtensions
{
    public static async Task<PagedList<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest filter, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip(filter.Offset).Take(filter.Size).ToListAsync(ct);
        return new PagedList<T>(items, total, filter.PageNumber, filter.Size);
    }
}
