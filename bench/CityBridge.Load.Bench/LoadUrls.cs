using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Load.Bench;

/// <summary>
/// The request mix, one line per request: "0 PATH" anonymous, "1 PATH" with the staff token. Per 100 requests:
/// 25 organization searches, 10 solution searches, 15 project searches, 25 project pages read anonymously and 25 as
/// staff (who also see the "Providers that fit" list). Half of the searches repeat one of 200 popular ones (first pages
/// of a sector, a country or a common word); the other half are long-tail combinations of word, filters and a page up to
/// 50, which almost never repeat within a run. 36,000 lines: run.sh reads the warm-up, the wrk run and the driver's run
/// from separate blocks, so no run replays another's URLs.
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
        string Page(int last) => random.Next(4) == 0 ? $"&page={random.Next(2, last + 1)}" : "";
        string Query() => random.Next(3) == 0 ? "" : Uri.EscapeDataString(Pick(Words));

        string Organizations(int lastPage) => $"0 /Organizations?q={Query()}{Maybe("sector", Pick(sectors))}{Maybe("country", Pick(Countries))}{Maybe("kind", "Provider")}{Page(lastPage)}";
        string Solutions(int lastPage) => $"0 /Solutions?q={Uri.EscapeDataString(Pick(Words))}{Maybe("sector", Pick(sectors))}{Page(lastPage)}";
        string Projects(int lastPage) => $"0 /Projects?q={Query()}{Maybe("sector", Pick(sectors))}{Maybe("country", Pick(Countries[..^1]))}{Maybe("stage", Pick(stages))}{Page(lastPage)}";

        var popular = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            popular.AddRange([Organizations(2), Organizations(2), Solutions(2), Projects(2), Projects(2)]);
        }

        var urls = new List<string>();
        for (var round = 0; round < 360; round++)
        {
            var searches = new List<string>();
            for (var i = 0; i < 25; i++)
            {
                searches.Add(Organizations(50));
            }

            for (var i = 0; i < 10; i++)
            {
                searches.Add(Solutions(50));
            }

            for (var i = 0; i < 15; i++)
            {
                searches.Add(Projects(50));
            }

            urls.AddRange(searches.Select(s => random.Next(2) == 0 ? popular[random.Next(popular.Count)] : s));
            for (var i = 0; i < 50; i++)
            {
                urls.Add(string.Create(CultureInfo.InvariantCulture, $"{i % 2} /Projects/Details/{projectIds[random.Next(projectIds.Count)]}"));
            }
        }

        return [.. urls.OrderBy(_ => random.Next())];
    }
}
