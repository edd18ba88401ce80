namespace Portal.Infrastructure.Identity;

/// <summary>The portal's roles. Names are stable identifiers stored in the database; labels are localized in the web layer.</summary>
public static class Roles
{
    public const string InstitutionUser = "InstitutionUser";
    public const string InstitutionManager = "InstitutionManager";
    public const string Registrar = "Registrar";
    public const string RegistrySupervisor = "RegistrySupervisor";
    public const string Administrator = "Administrator";

    public static readonly string[] All = [InstitutionUser, InstitutionManager, Registrar, RegistrySupervisor, Administrator];

    public static readonly string[] Staff = [Registrar, RegistrySupervisor];

    public static bool IsBackOffice(string role) => role is Registrar or RegistrySupervisor or Administrator;
}
