using Microsoft.Extensions.Localization;
using Portal.Domain.Common;

namespace Portal.Web.Infrastructure;

/// <summary>The sentence for a refused number: it names the field and shows an example of what is accepted.</summary>
public static class NumberMessages
{
    public static string For(NumberProblem problem, IStringLocalizer l, string label, int decimals, string example) => problem switch
    {
        NumberProblem.Empty => l["Validation.Required", label],
        NumberProblem.TooManyDecimals => l["Validation.Decimals", label, decimals],
        NumberProblem.Negative => l["Validation.NotNegative", label, example],
        NumberProblem.OutOfRange => l["Validation.Range", label],
        _ => l[decimals == 0 ? "Validation.WholeNumber" : "Validation.NumberExample", label, example],
    };
}
