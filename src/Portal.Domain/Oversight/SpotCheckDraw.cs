namespace Portal.Domain.Oversight;

/// <summary>
/// 抽查: draws 1–3% of a year's reporting institutions (at least one) by lot. The draw is reproducible:
/// the population is sorted by code and shuffled with a documented generator (SplitMix64) seeded with the
/// recorded seed, so anyone with the seed and the population can redo it and get the same list.
/// </summary>
public static class SpotCheckDraw
{
    public const decimal MinPercentage = 1m;
    public const decimal MaxPercentage = 3m;

    public static int SampleSize(int population, decimal percentage)
    {
        if (percentage < MinPercentage || percentage > MaxPercentage)
        {
            throw new DomainRuleException(OversightErrors.PercentageOutOfRange);
        }

        return population == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(population * percentage / 100m));
    }

    /// <summary>The codes drawn, in draw order.</summary>
    public static IReadOnlyList<string> Draw(IEnumerable<string> populationCodes, decimal percentage, ulong seed)
    {
        var pool = populationCodes.Distinct().Order(StringComparer.Ordinal).ToArray();
        var size = SampleSize(pool.Length, percentage);
        var state = seed;
        for (var i = 0; i < size; i++)
        {
            // Partial Fisher–Yates: position i takes a random element of the rest.
            var j = i + (int)(Next(ref state) % (ulong)(pool.Length - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..size];
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): tiny, well-known, identical on every platform.</summary>
    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

public enum EnforcementKind
{
    /// <summary>(1) 书面警告, copied to the sponsor.</summary>
    Warning,

    /// <summary>(2) 暂扣证书: certificate and seals held, with a deadline to correct.</summary>
    CertificateHold,

    /// <summary>Lifting a hold once the institution has put things right.</summary>
    HoldLifted,

    /// <summary>(3) 撤销登记: needs the approving authority's consent document; supervisor only.</summary>
    Revocation,
}

/// <summary>The enforcement ladder's order and roles.</summary>
public static class EnforcementLadder
{
    /// <summary>Null when the step may be taken, else the refusal code. <paramref name="history"/> is the institution's earlier steps, oldest first.</summary>
    public static string? WhyNot(EnforcementKind step, bool bySupervisor, bool hasConsentDocument, IReadOnlyList<EnforcementKind> history)
    {
        var holdActive = history.LastOrDefault(k => k is EnforcementKind.CertificateHold or EnforcementKind.HoldLifted) == EnforcementKind.CertificateHold;
        return step switch
        {
            EnforcementKind.Warning => null,
            EnforcementKind.CertificateHold when !history.Contains(EnforcementKind.Warning) => OversightErrors.WarningFirst,
            EnforcementKind.CertificateHold when holdActive => OversightErrors.HoldAlreadyActive,
            EnforcementKind.HoldLifted when !holdActive => OversightErrors.NoActiveHold,
            EnforcementKind.Revocation when !bySupervisor => OversightErrors.SupervisorOnly,
            EnforcementKind.Revocation when !history.Contains(EnforcementKind.CertificateHold) => OversightErrors.HoldFirst,
            EnforcementKind.Revocation when !hasConsentDocument => OversightErrors.ConsentRequired,
            _ => null,
        };
    }
}

public static class OversightErrors
{
    public const string PercentageOutOfRange = "SpotCheckPercentage";
    public const string WarningFirst = "EnforcementWarningFirst";
    public const string HoldFirst = "EnforcementHoldFirst";
    public const string HoldAlreadyActive = "EnforcementHoldActive";
    public const string NoActiveHold = "EnforcementNoHold";
    public const string SupervisorOnly = "EnforcementSupervisorOnly";
    public const string ConsentRequired = "EnforcementConsentRequired";
    public const string SpotCheckClosed = "SpotCheckClosed";
    public const string SpotCheckIncomplete = "SpotCheckIncomplete";
}
