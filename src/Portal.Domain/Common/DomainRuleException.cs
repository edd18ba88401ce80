namespace Portal.Domain;

/// <summary>A business rule refused the operation. Carries a code; the web layer turns it into a localized message.</summary>
public sealed class DomainRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>The codes of business refusals. Sentences live in the web layer's resources, keyed "Error.{code}".</summary>
public static class DomainErrors
{
    public const string InstitutionNotRegistered = "InstitutionNotRegistered";
}
