using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Search;

public static class SearchApi
{
    public static void MapSearchApi(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search").WithTags("search");
        group.MapGet("/", async Task<IResult> (string? q, int? page, int? pageSize, SiteSearch search, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["Enter the words to search for."] }, title: "The input is not valid.");
            }

            var filter = new DirectoryFilter { Page = page, PageSize = pageSize };
            var results = await search.SearchAsync(q, await current.GetAsync(ct), db, ct);
            var items = results.Skip((filter.PageNumber - 1) * filter.Size).Take(filter.Size).ToList();
            return TypedResults.Ok(new CollectionResponse<SearchResult>(items, results.Count, filter.PageNumber, filter.Size));
        }).Produces<CollectionResponse<SearchResult>>().ProducesValidationProblem()
            .WithSummary("Search library documents, priority projects, organizations and solutions; results are those the caller may see, best first.");
    }
}
