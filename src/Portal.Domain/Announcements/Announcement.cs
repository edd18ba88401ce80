namespace Portal.Domain.Announcements;

public enum AnnouncementKind
{
    /// <summary>设立登记公告</summary>
    Setup,

    /// <summary>变更登记公告 (name)</summary>
    NameChange,

    /// <summary>变更登记公告 (domicile)</summary>
    DomicileChange,

    /// <summary>注销登记公告</summary>
    Deregistration,

    /// <summary>证书作废公告</summary>
    CertificateVoided,

    /// <summary>证书失效公告</summary>
    CertificateExpired,

    /// <summary>撤销登记公告</summary>
    Revocation,

    /// <summary>赋码公告: an organ or people's organisation received its code (机关、群团赋码).</summary>
    AgencyCodeAssigned,

    /// <summary>An agency's printed items changed.</summary>
    AgencyChange,

    /// <summary>An agency's code cancelled.</summary>
    AgencyCancelled,
}

/// <summary>公告: a public notice, published in both languages. Never edited once published.</summary>
public class Announcement
{
    private Announcement()
    {
        TitleZh = TitleEn = BodyZh = BodyEn = string.Empty;
    }

    public Announcement(Guid officeId, Guid? institutionId, AnnouncementKind kind, string titleZh, string titleEn, string bodyZh, string bodyEn, DateOnly publishedOn, DateTime publishedUtc)
    {
        Id = Guid.CreateVersion7();
        OfficeId = officeId;
        InstitutionId = institutionId;
        Kind = kind;
        TitleZh = titleZh;
        TitleEn = titleEn;
        BodyZh = bodyZh;
        BodyEn = bodyEn;
        PublishedOn = publishedOn;
        PublishedUtc = publishedUtc;
    }

    public Guid Id { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid? InstitutionId { get; private set; }

    /// <summary>The organ or people's organisation concerned (机关、群团赋码), when the notice is about one.</summary>
    public Guid? AgencyId { get; private set; }

    /// <summary>A notice about an agency rather than an institution.</summary>
    public static Announcement AboutAgency(Guid officeId, Guid agencyId, AnnouncementKind kind, string titleZh, string titleEn, string bodyZh, string bodyEn, DateOnly publishedOn, DateTime publishedUtc) =>
        new(officeId, null, kind, titleZh, titleEn, bodyZh, bodyEn, publishedOn, publishedUtc) { AgencyId = agencyId };

    public AnnouncementKind Kind { get; private set; }

    public string TitleZh { get; private set; }

    public string TitleEn { get; private set; }

    public string BodyZh { get; private set; }

    public string BodyEn { get; private set; }

    public DateOnly PublishedOn { get; private set; }

    public DateTime PublishedUtc { get; private set; }
}
