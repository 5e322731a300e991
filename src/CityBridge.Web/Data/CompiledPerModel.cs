using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CityBridge.Web.Data;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>), compiled once for each model it runs against. EF Core ties a
/// compiled query to the first model it ran with, and one process may use several: SQLite and PostgreSQL in the CLI and
/// the tests. Requests that run on every page use it, so their expression trees are built once, not per request
/// (docs/benchmarks.md, start pages under load).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    // Weak keys: a model that is no longer used (a test's) takes its compiled query with it.
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = [];

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(CityBridgeDb db) => compiled.GetValue(db.Model, _ => compile());
}
