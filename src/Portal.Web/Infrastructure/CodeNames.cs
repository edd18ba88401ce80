using Microsoft.Extensions.Localization;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Turns the codes that records carry ("Setup · Approved", "Warning", "report.Submit") into words of the page's language, so an
/// English page shows no Chinese UI text and no raw enum names. Text that is not a known code (a registrar's reasons) is data
/// and is returned as it is.
/// </summary>
public static class CodeNames
{
    private static readonly string[] Families =
        ["FilingKind", "FilingState", "FilingAction", "CertificateReason", "VoidReason", "ReportAction", "ReportState", "EnforcementKind", "DeregistrationReason", "AnnouncementKind"];

    public static string Localize(IStringLocalizer l, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return string.Join(" · ", text.Split(" · ").Select(part => One(l, part)));
    }

    /// <summary>One code in any of the known families, or the text unchanged.</summary>
    public static string One(IStringLocalizer l, string part)
    {
        foreach (var family in Families)
        {
            var found = l[family + "." + part];
            if (!found.ResourceNotFound)
            {
                return found.Value;
            }
        }

        return part;
    }

    /// <summary>True when the text holds Chinese characters (data shown on an English page is marked lang="zh-CN").</summary>
    public static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');
}

/// <summary>An audit entry's action and detail ("report.Submit", "Draft→Submitted") in the page's language.</summary>
public static class AuditText
{
    public static string Action(IStringLocalizer l, string action)
    {
        var whole = l["AuditAction." + action];
        if (!whole.ResourceNotFound)
        {
            return whole.Value;
        }

        var dot = action.IndexOf('.');
        if (dot < 0)
        {
            return action;
        }

        var entity = l["AuditEntity." + action[..dot]];
        return (entity.ResourceNotFound ? action[..dot] : entity.Value) + " · " + CodeNames.One(l, action[(dot + 1)..]);
    }

    public static string Detail(IStringLocalizer l, string? detail) =>
        string.IsNullOrEmpty(detail) ? string.Empty : string.Join(" → ", detail.Split('→').Select(p => CodeNames.One(l, p.Trim())));
}
