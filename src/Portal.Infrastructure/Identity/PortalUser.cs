using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Identity;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Institution users belong to exactly one institution (none while an applicant's setup is pending).</summary>
    public Guid? InstitutionId { get; set; }

    /// <summary>Staff of an organ or people's organisation (机关、群团) belong to exactly one agency; never also to an institution.</summary>
    public Guid? AgencyId { get; set; }

    /// <summary>Registry staff belong to exactly one office.</summary>
    public Guid? OfficeId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Marks the accounts created by the demo seeder, so their passwords can be reset by command.</summary>
    public bool IsDemo { get; set; }

    /// <summary>Annual-report reminders still reach the portal inbox, but not email (managers of many units ask for this).</summary>
    public bool ReminderEmailsOptOut { get; set; }

    /// <summary>The 30-second TOTP step of the last two-factor code accepted: codes are single-use.</summary>
    public long? LastTwoFactorStep { get; set; }
}

public class PortalRole : IdentityRole
{
    public PortalRole()
    {
    }

    public PortalRole(string name)
        : base(name)
    {
    }
}
