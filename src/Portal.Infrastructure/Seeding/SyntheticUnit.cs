using System.Globalization;
using Portal.Domain.Certificates;
using Portal.Domain.Common;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Search;

namespace Portal.Infrastructure.Seeding;

/// <summary>One synthetic certificate: what the writer inserts, with its signed token once signed.</summary>
public sealed class SyntheticCertificate
{
    public Guid Id { get; } = Guid.CreateVersion7();

    public string Number { get; set; } = string.Empty;

    public CertificateIssueReason Reason { get; init; }

    public DateOnly IssuedOn { get; init; }

    public DateOnly ValidUntil { get; init; }

    public CertificateStatus Status { get; init; }

    public VoidReason? VoidReason { get; init; }

    public DateOnly? EndedOn { get; init; }

    public SyntheticCertificate? Successor { get; set; }

    public SyntheticCertificate? Predecessor { get; set; }

    public SignedToken? Token { get; set; }
}

/// <summary>An announcement of one synthetic institution.</summary>
public sealed record SyntheticAnnouncement(Portal.Domain.Announcements.AnnouncementKind Kind, string TitleZh, string TitleEn, string BodyZh, string BodyEn, DateOnly On);

/// <summary>
/// Everything about one synthetic institution, made from its own seeded random source so the same
/// serial always gives the same unit, whichever thread plans it.
/// </summary>
public sealed class SyntheticUnit
{
    public Guid Id { get; } = Guid.CreateVersion7();

    public int Serial { get; init; }

    public int OfficeIndex { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Domicile { get; init; }

    public required string Purpose { get; init; }

    public required string Representative { get; init; }

    public required string RepresentativeId { get; init; }

    public required string Funding { get; init; }

    public long CapitalHundredths { get; init; }

    public required string Sponsor { get; init; }

    public InstitutionStatus Status { get; init; }

    public DateOnly RegisteredOn { get; init; }

    public DateOnly? EndedOn { get; init; }

    public List<SyntheticCertificate> Certificates { get; } = [];

    public List<SyntheticAnnouncement> Announcements { get; } = [];

    /// <summary>Last year's annual report is published (most registered institutions).</summary>
    public bool ReportPublished { get; init; }

    public DateOnly? ReportPublishedOn { get; init; }

    public SyntheticCertificate? Current => Certificates.LastOrDefault();

    // Derived text, computed while planning (on every core) so the single writer only binds values.
    public string SearchNames { get; private set; } = string.Empty;

    public string SearchGrams { get; private set; } = string.Empty;

    public string NameKey { get; private set; } = string.Empty;

    /// <summary>
    /// Plans unit <paramref name="serial"/>: the register's shape (93% registered, 5% deregistered, 2%
    /// revoked), a certificate history (one current certificate; about a quarter with a superseded
    /// predecessor, one in twenty re-issued after a loss, a few expired), announcements where the
    /// domain asks for one, and last year's report for nine in ten registered units.
    /// </summary>
    public static SyntheticUnit Plan(int seed, int serial, int officeIndex, string county, string region, IReadOnlyList<string> funding, DateOnly today)
    {
        var random = new Random(unchecked(seed * 1_000_003 + serial)); // the same unit for the same serial, run after run
        var (name, unit) = SyntheticNames.Name(random, county, serial / SyntheticNames.Counties.Length);
        var sponsor = county.EndsWith('区') || county.EndsWith('市') || county.EndsWith('县') ? county + unit.Sponsor : unit.Sponsor;
        var registeredOn = new DateOnly(1995, 1, 1).AddDays(random.Next(0, today.DayNumber - new DateOnly(1995, 1, 1).DayNumber - 30));
        var status = random.Next(100) switch { < 93 => InstitutionStatus.Registered, < 98 => InstitutionStatus.Deregistered, _ => InstitutionStatus.Revoked };
        DateOnly? endedOn = status == InstitutionStatus.Registered ? null : registeredOn.AddDays(random.Next(200, Math.Max(201, today.DayNumber - registeredOn.DayNumber)));
        var rep = SyntheticNames.Person(random);
        var repId = ResidentIdNumber.WithCheck(region + (1960 + random.Next(40)).ToString(CultureInfo.InvariantCulture)
            + (1 + random.Next(12)).ToString("00", CultureInfo.InvariantCulture) + (1 + random.Next(28)).ToString("00", CultureInfo.InvariantCulture) + random.Next(1000).ToString("000", CultureInfo.InvariantCulture));
        var lastYear = today.Year - 1;
        var reportDue = new DateOnly(today.Year, 3, 31);
        var published = status == InstitutionStatus.Registered && registeredOn.Year < lastYear && random.Next(10) < 9;
        var result = new SyntheticUnit
        {
            Serial = serial,
            OfficeIndex = officeIndex,
            Code = SyntheticRegister.Code(region, serial),
            Name = name,
            Domicile = county + SyntheticNames.Street(random),
            Purpose = unit.Purpose + "。",
            Representative = rep,
            RepresentativeId = repId,
            Funding = funding[random.Next(funding.Count)],
            CapitalHundredths = random.Next(1_000, 5_000_000),
            Sponsor = sponsor,
            Status = status,
            RegisteredOn = registeredOn,
            EndedOn = endedOn,
            ReportPublished = published,
            ReportPublishedOn = published ? new DateOnly(today.Year, 1, 5).AddDays(random.Next(0, Math.Max(1, (today < reportDue ? today : reportDue).DayNumber - new DateOnly(today.Year, 1, 5).DayNumber))) : null,
        };
        result.PlanCertificates(random, today);
        result.PlanAnnouncements(today);
        result.SearchNames = SearchText.AppendNames(null, name);
        result.SearchGrams = SearchText.Grams(result.SearchNames);
        result.NameKey = Portal.Domain.Institutions.NameKey.Of(name);
        return result;
    }

    private void PlanCertificates(Random random, DateOnly today)
    {
        var end = EndedOn ?? today;
        var cycles = Math.Max(0, (end.DayNumber - RegisteredOn.DayNumber) / 1826);
        var issued = RegisteredOn.AddYears(5 * cycles);
        var reason = cycles == 0 ? CertificateIssueReason.Setup : CertificateIssueReason.Renewal;
        if (Status != InstitutionStatus.Registered)
        {
            Certificates.Add(new SyntheticCertificate
            {
                Reason = reason, IssuedOn = issued, ValidUntil = issued.AddYears(5), Status = CertificateStatus.Voided,
                VoidReason = Status == InstitutionStatus.Revoked ? Portal.Domain.Certificates.VoidReason.Revocation : Portal.Domain.Certificates.VoidReason.Deregistration, EndedOn = EndedOn,
            });
            return;
        }

        var roll = random.Next(100);
        if (roll < 2 && cycles >= 1)
        {
            // Not renewed in time: the last certificate ran out.
            var lapsed = issued.AddYears(-5);
            Certificates.Add(new SyntheticCertificate { Reason = CertificateIssueReason.Renewal, IssuedOn = lapsed, ValidUntil = issued, Status = CertificateStatus.Expired, EndedOn = issued.AddDays(1) });
            return;
        }

        if (roll < 27 && cycles >= 1)
        {
            var before = new SyntheticCertificate
            {
                Reason = cycles == 1 ? CertificateIssueReason.Setup : CertificateIssueReason.Renewal, IssuedOn = issued.AddYears(-5), ValidUntil = issued,
                Status = CertificateStatus.Superseded, EndedOn = issued,
            };
            Certificates.Add(before);
        }
        else if (roll < 32 && today.DayNumber - issued.DayNumber > 60)
        {
            var lostOn = issued.AddDays(random.Next(30, today.DayNumber - issued.DayNumber));
            var lost = new SyntheticCertificate { Reason = reason, IssuedOn = issued, ValidUntil = issued.AddYears(5), Status = CertificateStatus.Voided, VoidReason = Portal.Domain.Certificates.VoidReason.Loss, EndedOn = lostOn };
            Certificates.Add(lost);
            Certificates.Add(new SyntheticCertificate { Reason = CertificateIssueReason.Reissue, IssuedOn = lostOn, ValidUntil = issued.AddYears(5), Status = CertificateStatus.Valid });
            Link();
            return;
        }

        Certificates.Add(new SyntheticCertificate { Reason = reason, IssuedOn = issued, ValidUntil = issued.AddYears(5), Status = CertificateStatus.Valid });
        Link();
    }

    private void Link()
    {
        for (var i = 1; i < Certificates.Count; i++)
        {
            Certificates[i - 1].Successor = Certificates[i];
            Certificates[i].Predecessor = Certificates[i - 1];
        }
    }

    private void PlanAnnouncements(DateOnly today)
    {
        if (today.DayNumber - RegisteredOn.DayNumber < 730)
        {
            Announcements.Add(new(Portal.Domain.Announcements.AnnouncementKind.Setup, $"{Name}设立登记公告", $"Registered: {Name}",
                $"{Name}（统一社会信用代码：{Code}）经核准设立登记。住所：{Domicile}；法定代表人：{Representative}；举办单位：{Sponsor}。", $"{Name} (unified social credit code {Code}) is registered.", RegisteredOn));
        }

        if (EndedOn is { } ended)
        {
            var revoked = Status == InstitutionStatus.Revoked;
            Announcements.Add(new(revoked ? Portal.Domain.Announcements.AnnouncementKind.Revocation : Portal.Domain.Announcements.AnnouncementKind.Deregistration,
                $"{Name}{(revoked ? "撤销登记" : "注销登记")}公告", $"{(revoked ? "Registration revoked" : "Deregistered")}: {Name}",
                $"{Name}（统一社会信用代码：{Code}）{(revoked ? "经审批机关同意撤销登记" : "已办理注销登记")}，其《事业单位法人证书》同时作废。",
                $"{Name} (unified social credit code {Code}) is {(revoked ? "revoked" : "deregistered")}; its certificate is void.", ended));
        }

        foreach (var lost in Certificates.Where(c => c.VoidReason == Portal.Domain.Certificates.VoidReason.Loss))
        {
            Announcements.Add(new(Portal.Domain.Announcements.AnnouncementKind.CertificateVoided, $"{Name}《事业单位法人证书》作废公告", $"Certificate void: {Name}",
                $"{Name}（统一社会信用代码：{Code}）的《事业单位法人证书》因遗失，自{lost.EndedOn:yyyy年MM月dd日}起作废。", $"The certificate of {Name} (unified social credit code {Code}) is void: lost.", lost.EndedOn!.Value));
        }
    }
}
