using System.Text.Json;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Audit;

[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>The page shown: read from the query string by the handler, as Razor Pages keep the route value "page" for themselves.</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page ?? 1;
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type))
        {
            query = query.Where(a => a.EntityType == Type);
        }

        if (!string.IsNullOrWhiteSpace(Id))
        {
            query = query.Where(a => a.EntityId == Id);
        }

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public string QueryFor(int page)
    {
        var values = new List<KeyValuePair<string, string?>> { new("type", Type), new("id", Id), new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        return QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToString();
    }

    /// <summary>The entry's changed fields with their values before and after, read from the stored JSON.</summary>
    public static IReadOnlyList<FieldChange> Changes(AuditEntry entry)
    {
        var before = Fields(entry.Before);
        var after = Fields(entry.After);
        return [.. before.Keys.Union(after.Keys).Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))];
    }

    private static Dictionary<string, string> Fields(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new() { ["value"] = Text(document.RootElement) };
            }

            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value));
        }
        catch (JsonException)
        {
            return new() { ["value"] = json };
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "(empty)",
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : "(empty)",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "(none)" : string.Join(", ", value.EnumerateArray().Select(Text)),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => value.GetRawText(),
    };
}

/// <summary>One field of an audited change: its value before and after (null when the record was created or deleted).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
