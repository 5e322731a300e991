using System.Linq.Expressions;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// Puts expressions in the place of a lambda's parameters, so that one query or filter written once can be composed into
/// others (EF Core translates the result as if it had been written out in place).
/// </summary>
public sealed class ReplaceParameters(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node) ?? base.VisitParameter(node);
}
