using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Refuses invisible characters in any text a form or API body carries: control characters (other
/// than line breaks and tabs) and bidirectional overrides, which can make a name read differently from
/// what is stored (“Trojan Source”). Adds a model error, so every form redisplays with the message and
/// nothing is stored.
/// </summary>
public sealed class UnsafeTextFilter(IStringLocalizer<SharedResource> l) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            return;
        }

        foreach (var (name, value) in context.ActionArguments)
        {
            Check(context, name, value, 0);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    public static bool IsUnsafe(string text) => text.Any(c =>
        (char.IsControl(c) && c is not ('\r' or '\n' or '\t'))
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || c is '\u200E' or '\u200F' || c == '\uFEFF');

    private void Check(ActionExecutingContext context, string path, object? value, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text when IsUnsafe(text):
                context.ModelState.AddModelError(path, l["Validation.InvisibleCharacters"]);
                return;
            case string:
                return;
            case IEnumerable items when depth < 3:
                var i = 0;
                foreach (var item in items)
                {
                    Check(context, $"{path}[{i++}]", item, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= 3 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true || type.Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) == true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            Check(context, property.Name, property.GetValue(value), depth + 1);
        }
    }
}
