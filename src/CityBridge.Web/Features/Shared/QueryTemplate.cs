using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// Query parts written once as lambdas (a visibility rule, a panel's query) and put together: into a query built at run
/// time, or into the lambda of an EF Core compiled query. EF Core translates the result as if it had been written in place.
/// </summary>
public static class QueryTemplate
{
    /// <summary>The body of <paramref name="template"/> with <paramref name="arguments"/> in place of its parameters, in order.</summary>
    public static Expression Inline(LambdaExpression template, params Expression[] arguments) =>
        new ReplaceParameters(template.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(template.Body);

    /// <summary>
    /// <paramref name="query"/> passed through <paramref name="template"/> (whose first parameter is the query), with
    /// <paramref name="values"/> for its other parameters. The values reach the database as parameters, as captured
    /// variables do, so every value shares one SQL text and one cached query.
    /// </summary>
    public static IQueryable<T> Apply<T>(LambdaExpression template, IQueryable<T> query, params object?[] values) =>
        query.Provider.CreateQuery<T>(Inline(template, [query.Expression, .. values.Select((value, i) => Boxed(value, template.Parameters[i + 1].Type))]));

    // A field read from a constant box is what a captured variable looks like to EF Core: a parameter, not a literal.
    private static MemberExpression Boxed(object? value, Type type) =>
        Expression.Field(Expression.Constant(Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)), nameof(StrongBox<int>.Value));
}
