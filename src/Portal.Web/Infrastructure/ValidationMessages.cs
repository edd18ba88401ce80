using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Portal.Web.Infrastructure;

/// <summary>Model-binding messages ("the value is invalid") in the request's language.</summary>
public static class ValidationMessages
{
    public static void Localize(DefaultModelBindingMessageProvider p)
    {
        var l = new JsonStringLocalizer();
        p.SetValueMustNotBeNullAccessor(_ => l["Validation.Required"]);
        p.SetMissingBindRequiredValueAccessor(_ => l["Validation.Required"]);
        p.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.Required"]);
        p.SetAttemptedValueIsInvalidAccessor((_, _) => l["Validation.Invalid"]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l["Validation.Invalid"]);
        p.SetUnknownValueIsInvalidAccessor(_ => l["Validation.Invalid"]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.Invalid"]);
        p.SetValueIsInvalidAccessor(_ => l["Validation.Invalid"]);
        p.SetValueMustBeANumberAccessor(_ => l["Validation.Number"]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.Number"]);
    }
}
