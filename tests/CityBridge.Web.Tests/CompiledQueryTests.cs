using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Tests;

/// <summary>
/// The queries every request runs are EF Core compiled queries. EF Core ties a compiled query to the model it first ran
/// with, so they are compiled once per model (<c>CompiledPerModel</c>): one process serves a SQLite app and a PostgreSQL app
/// one after the other, as the CLI and these suites do.
/// </summary>
public sealed class CompiledQueryTests
{
    [Fact]
    public async Task The_sign_in_the_actor_and_the_start_page_queries_serve_every_engine_in_one_process()
    {
        foreach (var database in TestDatabases.Available())
        {
            await using var app = await TestApp.StartAsync(database);
            await using (var db = app.NewDb())
            {
                var fullName = await db.Users.Where(u => u.Email == AccountSeeder.DemoProviderEmail).Select(u => u.FullName).SingleAsync();
                var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);

                var page = await provider.GetStringAsync(new Uri("/My", UriKind.Relative));

                Assert.Contains($"Hello {System.Net.WebUtility.HtmlEncode(fullName)}.", page, StringComparison.Ordinal);
                Assert.Contains("id=\"fits-h\"", page, StringComparison.Ordinal);
                Assert.Contains("id=\"conv-h\"", page, StringComparison.Ordinal);
            }
        }
    }
}
