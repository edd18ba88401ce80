namespace Portal.Domain.Institutions;

public enum InstitutionStatus
{
    /// <summary>登记: registered and in good standing.</summary>
    Registered,

    /// <summary>注销: deregistered after clearing.</summary>
    Deregistered,

    /// <summary>撤销登记: registration revoked by the registrar.</summary>
    Revoked,
}
