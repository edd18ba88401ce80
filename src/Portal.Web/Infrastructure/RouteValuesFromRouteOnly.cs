using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Parameters named in an action's route template (`{id}`, `{verb}`, `{attachmentId}`…) bind from the
/// route only. By default a posted form field of the same name would win, so a form could aim an
/// action at a different record than its URL says.
/// </summary>
public sealed class RouteValuesFromRouteOnly : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        var names = action.Selectors.Select(s => s.AttributeRouteModel?.Template).Concat([action.Controller.Selectors.FirstOrDefault()?.AttributeRouteModel?.Template])
            .Where(t => t is not null)
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t!, "\\{\\*{0,2}([A-Za-z]+)").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters.Where(p => names.Contains(p.ParameterName) && p.BindingInfo?.BindingSource is null))
        {
            parameter.BindingInfo ??= new BindingInfo();
            parameter.BindingInfo.BindingSource = BindingSource.Path;
        }
    }
}
