using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Infrastructure;

/// <summary>Section "Portal".</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The public address of the portal, used in emails and QR codes (never taken from the Host header).</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Back-office sessions end after this many minutes without a request.</summary>
    public int StaffIdleMinutes { get; set; } = 30;

    /// <summary>Back-office sessions end this many hours after login, whatever happens.</summary>
    public int StaffAbsoluteHours { get; set; } = 12;

    /// <summary>Registry staff and administrators must enrol two-factor authentication before any back-office page.</summary>
    public bool RequireStaffTwoFactor { get; set; } = true;

    public string Url(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
