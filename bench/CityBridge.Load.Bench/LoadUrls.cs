using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Load.Bench;

/// <summary>
/// The request mix, one line per request: "0 PATH" anonymous, "1 PATH" with the staff token. Per 100 requests:
/// 25 organization searches, 10 solution searches, 15 project searches, 25 project pages read anonymously and 25 as
/// staff (who also see the "Providers that fit" list).
/// </summary>
internal static class LoadUrls
{
    private static readonly string[] Words =
        ["water", "leak detection", "solar", "traffic", "parking", "waste", "telemedicine", "digital twin", "security", "lorawan",
         "smart meters", "Aqua", "Grid", "Volt Labs", "Harbor", "cctv", "fibre", "air-quality", "flood", "bus"];

    private static readonly string[] Countries = ["ID", "VN", "PH", "TH", "MY", "KH", "SG", "US"];

    public static async Task<List<string>> BuildAsync(CityBridgeDb db, int seed)
    {
        var random = new Random(seed);
        var projectIds = await db.Projects.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var sectors = SectorTaxonomy.All.Select(s => s.Key).ToArray();
        var stages = Enum.GetNames<ProjectStage>();
        string Pick(string[] items) => items[random.Next(items.Length)];
        string Maybe(string name, string value) => random.Next(2) == 0 ? "" : $"&{name}={Uri.EscapeDataString(value)}";
        string Page() => random.Next(4) == 0 ? $"&page={random.Next(2, 6)}" : "";

        var urls = new List<string>();
        for (var round = 0; round < 40; round++)
        {
            for (var i = 0; i < 25; i++)
            {
                var q = random.Next(3) == 0 ? "" : Uri.EscapeDataString(Pick(Words));
                urls.Add($"0 /Organizations?q={q}{Maybe("sector", Pick(sectors))}{Maybe("country", Pick(Countries))}{Maybe("kind", "Provider")}{Page()}");
            }

            for (var i = 0; i < 10; i++)
            {
                urls.Add($"0 /Solutions?q={Uri.EscapeDataString(Pick(Words))}{Maybe("sector", Pick(sectors))}{Page()}");
            }

            for (var i = 0; i < 15; i++)
            {
                var q = random.Next(2) == 0 ? "" : Uri.EscapeDataString(Pick(Words));
                urls.Add($"0 /Projects?q={q}{Maybe("sector", Pick(sectors))}{Maybe("country", Pick(Countries[..^1]))}{Maybe("stage", Pick(stages))}{Page()}");
            }

            for (var i = 0; i < 50; i++)
            {
                urls.Add(string.Create(CultureInfo.InvariantCulture, $"{i % 2} /Projects/Details/{projectIds[random.Next(projectIds.Count)]}"));
            }
        }

        return [.. urls.OrderBy(_ => random.Next())];
    }
}
