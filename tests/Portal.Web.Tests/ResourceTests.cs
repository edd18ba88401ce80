using System.Text.RegularExpressions;
using Portal.Web.Infrastructure;

namespace Portal.Web.Tests;

/// <summary>Every UI string exists in both languages, and every key the code uses exists.</summary>
public partial class ResourceTests
{
    [Fact]
    public void EveryKey_HasChineseAndEnglish()
    {
        var incomplete = PortalStrings.Instance.Entries
            .Where(e => e.Value.Length != 2 || string.IsNullOrWhiteSpace(e.Value[0]) || string.IsNullOrWhiteSpace(e.Value[1]))
            .Select(e => e.Key)
            .ToList();
        Assert.Empty(incomplete);
        Assert.True(PortalStrings.Instance.Entries.Count > 150);
    }

    [Fact]
    public void ChineseText_IsChinese()
    {
        // A key whose Chinese side has no CJK character at all was probably left in English.
        var suspicious = PortalStrings.Instance.Entries
            .Where(e => !CjkPattern().IsMatch(e.Value[0]) && !e.Key.StartsWith("Weekday.", StringComparison.Ordinal))
            .Select(e => e.Key)
            .ToList();
        Assert.Empty(suspicious);
    }

    [Fact]
    public void EveryLiteralKeyUsedInViewsAndCode_Exists()
    {
        var root = RepoRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src", "Portal.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in KeyPattern().Matches(text))
            {
                var key = m.Groups["key"].Value;
                if (key.EndsWith('.'))
                {
                    continue; // a prefix completed at run time, e.g. L["FilingState." + state]: covered by EveryEnumKey_Exists
                }

                if (!PortalStrings.Instance.Entries.ContainsKey(key))
                {
                    missing.Add($"{Path.GetFileName(file)}: {key}");
                }
            }
        }

        Assert.Empty(missing);
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Portal.sln")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return dir;
    }

    // L["Key"], l["Key", …], ErrorMessage = "Key", Name = "Key", TempData["Flash"] = "Key"
    [GeneratedRegex(@"(?:\b[Ll]\[""|ErrorMessage = ""|\bName = ""|\[""Flash""\] = "")(?<key>[A-Z][A-Za-z]+\.[A-Za-z0-9.]+)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkPattern();
}

/// <summary>Keys built at run time from enum values ("FilingState." + state) must exist for every value.</summary>
public class EnumResourceTests
{
    public static TheoryData<string, Type> Prefixes => new()
    {
        { "FilingKind.", typeof(Portal.Domain.Filings.FilingKind) },
        { "FilingKindHelp.", typeof(Portal.Domain.Filings.FilingKind) },
        { "FilingExplanation.", typeof(Portal.Domain.Filings.FilingKind) },
        { "FilingState.", typeof(Portal.Domain.Filings.FilingState) },
        { "FilingNext.", typeof(Portal.Domain.Filings.FilingState) },
        { "FilingAction.", typeof(Portal.Domain.Filings.FilingAction) },
        { "Review.Done.", typeof(Portal.Domain.Filings.FilingAction) },
        { "FilingRole.", typeof(Portal.Domain.Filings.FilingRole) },
        { "Attachment.", typeof(Portal.Domain.Filings.AttachmentKind) },
        { "Item.", typeof(Portal.Domain.Filings.RegisteredItem) },
        { "DeregistrationReason.", typeof(Portal.Domain.Filings.DeregistrationReason) },
        { "AnnouncementKind.", typeof(Portal.Domain.Announcements.AnnouncementKind) },
        { "Status.", typeof(Portal.Domain.Institutions.InstitutionStatus) },
        { "DayKind.", typeof(Portal.Domain.Calendar.CalendarDayKind) },
        { "Weekday.", typeof(DayOfWeek) },
        { "Verdict.", typeof(Portal.Web.Features.Verify.Verdict) },
        { "VerdictText.", typeof(Portal.Web.Features.Verify.Verdict) },
        { "VoidReason.", typeof(Portal.Domain.Certificates.VoidReason) },
        { "CertificateReason.", typeof(Portal.Domain.Certificates.CertificateIssueReason) },
        { "CertificateStatus.", typeof(Portal.Domain.Certificates.CertificateStatus) },
        { "ReportState.", typeof(Portal.Domain.AnnualReports.ReportState) },
        { "ReportAction.", typeof(Portal.Domain.AnnualReports.ReportAction) },
        { "ReportSection.", typeof(Portal.Domain.AnnualReports.ReportSection) },
        { "ReportAttachment.", typeof(Portal.Domain.AnnualReports.ReportAttachmentKind) },
        { "SpotCheckResult.", typeof(Portal.Domain.Oversight.SpotCheckResult) },
        { "EnforcementKind.", typeof(Portal.Domain.Oversight.EnforcementKind) },
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void EveryEnumKey_Exists(string prefix, Type enumType)
    {
        var missing = Enum.GetNames(enumType).Select(n => prefix + n).Where(k => !PortalStrings.Instance.Entries.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryErrorCode_HasAMessage()
    {
        var codes = typeof(Portal.Domain.Filings.FilingErrors).GetFields()
            .Concat(typeof(Portal.Domain.Certificates.CertificateErrors).GetFields())
            .Concat(typeof(Portal.Domain.AnnualReports.ReportErrors).GetFields())
            .Concat(typeof(Portal.Domain.Oversight.OversightErrors).GetFields())
            .Concat(typeof(Portal.Domain.Offices.OfficeErrors).GetFields())
            .Concat(typeof(Portal.Domain.DomainErrors).GetFields())
            .Select(f => (string)f.GetValue(null)!)
            .Concat([Portal.Infrastructure.Files.UploadInspector.ErrorEmpty, Portal.Infrastructure.Files.UploadInspector.ErrorTooLarge, Portal.Infrastructure.Files.UploadInspector.ErrorType]);
        var missing = codes.Where(c => !PortalStrings.Instance.Entries.ContainsKey("Error." + c)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void ConfirmationKeys_ExistForIrreversibleDecisions()
    {
        Assert.True(PortalStrings.Instance.Entries.ContainsKey("Review.Confirm.Approve"));
        Assert.True(PortalStrings.Instance.Entries.ContainsKey("Review.Confirm.Refuse"));
    }
}
