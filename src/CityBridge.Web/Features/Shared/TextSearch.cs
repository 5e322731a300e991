using System.Linq.Expressions;
using System.Reflection;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Solutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// The directories' free-text filter: a case-insensitive substring of any of the given fields. On PostgreSQL it is
/// <c>ILIKE '%text%'</c>, which the trigram indexes of <see cref="PostgresCityBridgeDb"/> answer without reading every
/// row; on SQLite it stays <c>lower(field)</c> containing the text. The large directories (organizations, solutions
/// and projects) search one lower-case column instead (<see cref="Column"/>: name or title, a line break, description).
/// </summary>
public static class TextSearch
{
    /// <summary>The generated column (no property of the domain class) that <see cref="WhereSearchTextContains{T}"/> reads.</summary>
    public const string Column = "SearchText";

    /// <summary>
    /// Maps <see cref="Column"/> on organizations, solutions and projects. PostgreSQL stores it with a trigram index: one index to
    /// read, and LIKE rechecks each hit about four times faster than ILIKE over two columns (measured in
    /// docs/benchmarks.md, "Load"). SQLite reads every row for a substring anyway, so there it is virtual, computed when read.
    /// </summary>
    public static void MapColumns(ModelBuilder builder, bool postgres)
    {
        MapColumn(builder.Entity<Organization>(), nameof(Organization.Name), postgres);
        MapColumn(builder.Entity<Solution>(), nameof(Solution.Name), postgres);
        MapColumn(builder.Entity<PriorityProject>(), nameof(PriorityProject.Title), postgres);
    }

    private static void MapColumn<T>(EntityTypeBuilder<T> entity, string name, bool postgres)
        where T : class
    {
        // The line break keeps a search from matching across the end of the name and the start of the description.
        var lineBreak = postgres ? "chr(10)" : "char(10)";
        entity.Property<string>(Column).HasColumnType(postgres ? "text" : "TEXT")
            .HasComputedColumnSql($"lower(\"{name}\" || {lineBreak} || coalesce(\"Description\", ''))", stored: postgres);
        if (postgres)
        {
            entity.HasIndex(Column).HasDatabaseName($"IX_{entity.Metadata.GetTableName()}_SearchText_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    /// <summary>
    /// The rows whose <see cref="Column"/> contains <paramref name="text"/> (already lower-case and trimmed), or that
    /// satisfy <paramref name="orElse"/> (a match found elsewhere, such as a project's city name).
    /// </summary>
    public static IQueryable<T> WhereSearchTextContains<T>(this IQueryable<T> query, CityBridgeDb db, string text, Expression<Func<T, bool>>? orElse = null)
        where T : class
    {
        Expression<Func<T, bool>> inColumn;
        if (db.Database.IsNpgsql())
        {
            var pattern = "%" + EscapeLike(text) + "%";
            inColumn = row => EF.Functions.Like(EF.Property<string>(row, Column), pattern, @"\");
        }
        else
        {
            inColumn = row => EF.Property<string>(row, Column).Contains(text);
        }

        if (orElse is null)
        {
            return query.Where(inColumn);
        }

        var either = Expression.OrElse(inColumn.Body, new ReplaceParameters(new() { [orElse.Parameters[0]] = inColumn.Parameters[0] }).Visit(orElse.Body));
        return query.Where(Expression.Lambda<Func<T, bool>>(either, inColumn.Parameters[0]));
    }

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    /// <summary>The rows where any of <paramref name="fields"/> contains <paramref name="text"/> (already lower-case and trimmed).</summary>
    public static IQueryable<T> WhereAnyContains<T>(this IQueryable<T> query, CityBridgeDb db, string text, params Expression<Func<T, string?>>[] fields)
    {
        var row = Expression.Parameter(typeof(T), "row");
        // A member of an object, not a constant, so EF Core sends the text as a parameter and reuses the plan.
        var term = Expression.Constant(new SearchTerm(text, "%" + EscapeLike(text) + "%"));
        var postgres = db.Database.IsNpgsql();
        Expression? any = null;
        foreach (var field in fields)
        {
            var value = new ReplaceParameters(new() { [field.Parameters[0]] = row }).Visit(field.Body);
            Expression test = postgres
                ? Expression.Call(ILike, Expression.Constant(EF.Functions), value, Expression.Property(term, nameof(SearchTerm.Pattern)), Expression.Constant(@"\"))
                : Expression.Call(Expression.Call(value, ToLower), Contains, Expression.Property(term, nameof(SearchTerm.Text)));
            test = Expression.AndAlso(Expression.NotEqual(value, Expression.Constant(null, typeof(string))), test);
            any = any is null ? test : Expression.OrElse(any, test);
        }

        return any is null ? query : query.Where(Expression.Lambda<Func<T, bool>>(any, row));
    }

    /// <summary>Makes <c>%</c>, <c>_</c> and the escape character itself match literally in a LIKE pattern.</summary>
    public static string EscapeLike(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private sealed record SearchTerm(string Text, string Pattern);
}
