namespace Portal.Infrastructure.Email;

/// <summary>Section "Email". Without an SMTP host, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "portal@localhost";

    public string FromName { get; set; } = "事业单位登记管理 Portal";

    /// <summary>Relative to the repository root (git-ignored by default).</summary>
    public string PickupDirectory { get; set; } = "db/mail";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>How often the dispatcher looks for pending messages.</summary>
    public int PollSeconds { get; set; } = 5;
}
