namespace Portal.Domain.Institutions;

/// <summary>
/// The seven registered items (登记事项) of a public institution. Immutable: a change produces a new
/// version of the institution's items, never an edit of the old one.
/// </summary>
public sealed record RegisteredItems
{
    /// <summary>名称: the full approved name.</summary>
    public required string Name { get; init; }

    /// <summary>第二名称: a second approved name, when there is one.</summary>
    public string? SecondName { get; init; }

    /// <summary>住所: full postal address of the main office.</summary>
    public required string Domicile { get; init; }

    /// <summary>宗旨和业务范围: the purpose sentence followed by the activities.</summary>
    public required string PurposeAndScope { get; init; }

    /// <summary>法定代表人: the legal representative's name.</summary>
    public required string LegalRepresentative { get; init; }

    /// <summary>The legal representative's identity document number: stored, never shown in full publicly.</summary>
    public required string LegalRepresentativeIdNumber { get; init; }

    /// <summary>经费来源: a code of the funding-source reference table.</summary>
    public required string FundingSourceCode { get; init; }

    /// <summary>开办资金 in 万元 (10,000 CNY), two decimals.</summary>
    public required decimal StartupCapital { get; init; }

    /// <summary>举办单位: the direct superior body.</summary>
    public required string Sponsor { get; init; }
}
