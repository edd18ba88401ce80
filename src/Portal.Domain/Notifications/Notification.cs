namespace Portal.Domain.Notifications;

/// <summary>A message in a user's portal inbox, in both languages.</summary>
public class Notification
{
    private Notification()
    {
        UserId = TitleZh = TitleEn = BodyZh = BodyEn = string.Empty;
    }

    public Notification(string userId, string titleZh, string titleEn, string bodyZh, string bodyEn, string? link, DateTime createdUtc)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        TitleZh = titleZh;
        TitleEn = titleEn;
        BodyZh = bodyZh;
        BodyEn = bodyEn;
        Link = link;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public string TitleZh { get; private set; }

    public string TitleEn { get; private set; }

    public string BodyZh { get; private set; }

    public string BodyEn { get; private set; }

    /// <summary>A path inside the portal (never an outside address).</summary>
    public string? Link { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DateTime? ReadUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadUtc ??= nowUtc;
}
