using Microsoft.Extensions.Localization;
using Portal.Domain.Services;

namespace Portal.Web.Features.Services;

/// <summary>Prints a citation as each language writes it: 《…》第三十二条, or "… art. 32".</summary>
public static class LegalCitation
{
    public static string Format(LegalBasis basis, IStringLocalizer l, bool english)
    {
        var document = l["LegalDocument." + basis.Document].Value;
        if (basis.Article is not { } article)
        {
            return document;
        }

        return english ? $"{document}, art. {article}" : $"{document}第{ChineseNumber(article)}条";
    }

    /// <summary>1–999 in Chinese numerals as articles are numbered: 六, 十, 十三, 三十二, 一百零八.</summary>
    public static string ChineseNumber(int n)
    {
        if (n is < 1 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(n));
        }

        const string digits = "零一二三四五六七八九";
        var (hundreds, tens, ones) = (n / 100, n / 10 % 10, n % 10);
        var text = hundreds > 0 ? digits[hundreds] + "百" : string.Empty;
        if (tens > 0)
        {
            // 十三 alone, but 一百一十三 inside a hundred.
            text += (tens == 1 && hundreds == 0 ? string.Empty : digits[tens].ToString()) + "十";
        }
        else if (hundreds > 0 && ones > 0)
        {
            text += "零";
        }

        return ones > 0 ? text + digits[ones] : text;
    }
}

/// <summary>How a guide words the condition that makes a material required ("变更住所时", "when the domicile changes").</summary>
public static class MaterialCondition
{
    /// <param name="condition">"Item.Domicile", "AgencyItem.Address" or "ReissueCause.Loss", as <see cref="ServiceMaterial.When"/> lists it.</param>
    /// <param name="text">The localized text of a key; <paramref name="english"/> puts the item name in lower case mid-sentence.</param>
    public static string Format(string condition, Func<string, string> text, bool english)
    {
        var (kind, value) = (condition.Split('.')[0], condition.Split('.')[1]);
        var name = text(kind == "ReissueCause" ? "ReissueCauseShort." + value : condition);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, text("ServiceWhen." + kind), english ? name.ToLowerInvariant() : name);
    }
}
