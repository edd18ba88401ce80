using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.Domain.Certificates;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Feed;
using Portal.Infrastructure.Search;

namespace Portal.Infrastructure.Seeding;

/// <summary>Inserts planned synthetic units through prepared statements, column for column as EF Core stores them.</summary>
public sealed class SyntheticWriter : IAsyncDisposable
{
    /// <summary>Each table's name and columns, in the order <see cref="Rows"/> gives the values (indexed by <see cref="Table"/>).</summary>
    public static readonly (string Name, string[] Columns)[] Layout =
    [
        ("Institutions", ["Id", "OfficeId", "Code", "LegacyCertificateNumber", "Status", "RegisteredOn", "EndedOn", "Name", "SecondName", "Domicile", "PurposeAndScope",
            "LegalRepresentative", "LegalRepresentativeIdNumber", "FundingSourceCode", "StartupCapital", "Sponsor", "NameKey", "CertificateNumber",
            "CertificateValidUntil", "CurrentVersion", "ConcurrencyToken", "HoldCorrectBy", "SearchNames", "SearchGrams"]),
        ("InstitutionVersions", ["Id", "InstitutionId", "Number", "Name", "SecondName", "Domicile", "PurposeAndScope", "LegalRepresentative", "LegalRepresentativeIdNumber",
            "FundingSourceCode", "StartupCapital", "Sponsor", "EffectiveOn", "RecordedUtc"]),
        ("Certificates", ["Id", "Number", "OfficeId", "InstitutionId", "Code", "PrintedName", "PrintedSecondName", "PrintedDomicile", "PrintedPurposeAndScope",
            "PrintedLegalRepresentative", "PrintedLegalRepresentativeIdNumber", "PrintedFundingSourceCode", "PrintedStartupCapital", "PrintedSponsor",
            "OfficeNameZh", "Reason", "IssuedOn", "ValidFrom", "ValidUntil", "Status", "PredecessorId", "SuccessorId", "VoidReason", "EndedOn", "VoidNote",
            "Token", "TokenSha256", "KeyId", "QrUrl", "OriginalPdfId", "OriginalSha256", "DuplicatePdfId", "DuplicateSha256",
            "Notified60DaysBefore", "Notified30DaysBefore", "ConcurrencyToken"]),
        ("Announcements", ["Id", "OfficeId", "InstitutionId", "Kind", "TitleZh", "TitleEn", "BodyZh", "BodyEn", "PublishedOn", "PublishedUtc"]),
        ("FeedEvents", ["Sequence", "Kind", "InstitutionId", "Code", "OccurredUtc", "Data"]),
        ("AnnualReports", ["Id", "InstitutionId", "OfficeId", "Year", "Version", "PreviousVersionId", "State", "BusinessActivities", "NetAssetsStart", "NetAssetsEnd",
            "Income", "Expenditure", "ChangeCompliance", "Performance", "Litigation", "Complaints", "Donations", "OtherMatters", "Licences", "StaffOnRoll",
            "ConfirmerName", "ConfirmerPost", "ConfirmedOn", "SubmittedOn", "Late", "PublishedOn", "ReturnReasons", "FlaggedForOnSiteCheck", "FlagNote",
            "ConfidentialSections", "ConcurrencyToken"]),
    ];

    private readonly Statement[] _statements;
    private long _sequence;

    public SyntheticWriter(SqliteConnection connection, SqliteTransaction transaction, long lastFeedSequence)
    {
        _sequence = lastFeedSequence;
        _statements = [.. Layout.Select(t => new Statement(connection, transaction, t.Name, t.Columns))];
    }

    public long LastFeedSequence => _sequence;

    /// <summary>
    /// The unit's rows, ready to bind: built while planning (on every core), so the single writer thread
    /// only binds values. Feed rows get their sequence number when written, in order.
    /// </summary>
    public static List<(Table Table, object?[] Values)> Rows(SyntheticUnit u, Guid officeId, string officeNameZh, SyntheticPdf pdf, int reportYear, string nowText)
    {
        var rows = new List<(Table, object?[])>(10);
        var id = Id(u.Id);
        var office = Id(officeId);
        var current = u.Current!;
        rows.Add((Table.Institution, [id, office, u.Code, "事证第" + (100_000_000_000L + u.Serial).ToString(CultureInfo.InvariantCulture) + "号", u.Status.ToString(),
            Day(u.RegisteredOn), Day(u.EndedOn), u.Name, null, u.Domicile, u.Purpose, u.Representative, u.RepresentativeId, u.Funding, u.CapitalHundredths,
            u.Sponsor, u.NameKey, current.Number, Day(current.ValidUntil), 1L, Id(Guid.NewGuid()), null, u.SearchNames, u.SearchGrams]));
        rows.Add((Table.Version, [Id(Guid.CreateVersion7()), id, 1L, u.Name, null, u.Domicile, u.Purpose, u.Representative, u.RepresentativeId, u.Funding,
            u.CapitalHundredths, u.Sponsor, Day(u.RegisteredOn), nowText]));
        rows.Add(Feed(FeedEventKinds.Registered, id, u.Code, u.RegisteredOn, new { name = u.Name, registeredOn = u.RegisteredOn, officeId }));

        foreach (var c in u.Certificates)
        {
            var token = c.Token!;
            rows.Add((Table.Certificate, [Id(c.Id), c.Number, office, id, u.Code, u.Name, null, u.Domicile, u.Purpose, u.Representative, string.Empty, u.Funding,
                u.CapitalHundredths, u.Sponsor, officeNameZh, c.Reason.ToString(), Day(c.IssuedOn), Day(c.IssuedOn), Day(c.ValidUntil), c.Status.ToString(),
                c.Predecessor is null ? null : Id(c.Predecessor.Id), c.Successor is null ? null : Id(c.Successor.Id), c.VoidReason?.ToString(), Day(c.EndedOn),
                c.VoidReason is null ? null : "synthetic", token.Compact, token.Sha256, token.KeyId, token.Url, Id(pdf.Id), pdf.Sha256, Id(pdf.Id), pdf.Sha256, 0L, 0L, Id(Guid.NewGuid())]));
            rows.Add(Feed(FeedEventKinds.CertificateIssued, id, u.Code, c.IssuedOn, new { number = c.Number, validUntil = c.ValidUntil }));
        }

        if (u.EndedOn is { } ended)
        {
            rows.Add(Feed(u.Status == InstitutionStatus.Revoked ? FeedEventKinds.Revoked : FeedEventKinds.Deregistered, id, u.Code, ended, new { name = u.Name, endedOn = ended }));
        }

        foreach (var a in u.Announcements)
        {
            rows.Add((Table.Announcement, [Id(Guid.CreateVersion7()), office, id, a.Kind.ToString(), a.TitleZh, a.TitleEn, a.BodyZh, a.BodyEn, Day(a.On), Time(a.On.ToDateTime(new TimeOnly(2, 0)))]));
        }

        if (u.ReportPublished)
        {
            var on = u.ReportPublishedOn!.Value;
            long staff = 5 + (u.Serial % 80);
            rows.Add((Table.Report, [Id(Guid.CreateVersion7()), id, office, (long)reportYear, 1L, null, "Published",
                $"{reportYear}年，本单位围绕宗旨和业务范围开展工作，完成年度各项任务。", 10_000L + u.Serial % 500_000, 10_000L + (u.Serial * 7L) % 500_000,
                5_000L + u.Serial % 90_000, 4_000L + u.Serial % 90_000, "无", "年度考核合格。", "无", "无", "无", "无", string.Empty, staff,
                "举办单位审核人", "办公室主任", Day(on.AddDays(-3)), Day(on.AddDays(-2)), 0L, Day(on), null, 0L, null, string.Empty, Id(Guid.NewGuid())]));
            rows.Add(Feed(FeedEventKinds.ReportPublished, id, u.Code, on, new { year = reportYear }));
        }

        return rows;
    }

    /// <summary>Writes rows made by <see cref="Rows"/>, numbering the feed events.</summary>
    public void Write(List<(Table Table, object?[] Values)> rows)
    {
        foreach (var (table, values) in rows)
        {
            Number(table, values, ref _sequence);
            _statements[(int)table].Run(values);
        }
    }

    /// <summary>Feed events are numbered as they are written, in order, after <paramref name="sequence"/>.</summary>
    public static void Number(Table table, object?[] values, ref long sequence)
    {
        if (table == Table.Feed)
        {
            values[0] = ++sequence;
        }
    }

    public enum Table
    {
        Institution,
        Version,
        Certificate,
        Announcement,
        Feed,
        Report,
    }

    private static (Table, object?[]) Feed(string kind, string institutionId, string code, DateOnly on, object data) =>
        (Table.Feed, [null, kind, institutionId, code, Time(on.ToDateTime(new TimeOnly(2, 0))), JsonSerializer.Serialize(data, FeedJson.Options)]);

    public static string Id(Guid id) => id.ToString().ToUpperInvariant();

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _statements)
        {
            await s.DisposeAsync();
        }
    }

    /// <summary>A prepared INSERT with one positional parameter per column.</summary>
    private sealed class Statement : IAsyncDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;

        public Statement(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            _parameters = columns.Select((_, i) => _command.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
            _command.Prepare();
        }

        /// <summary>Synchronous on purpose: Microsoft.Data.Sqlite's async calls run synchronously anyway, with a task's overhead.</summary>
        public void Run(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _parameters[i].Value = values[i] ?? DBNull.Value;
                _parameters[i].SqliteType = values[i] is long ? SqliteType.Integer : SqliteType.Text;
            }

            _command.ExecuteNonQuery();
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }
}

/// <summary>The one placeholder PDF every synthetic certificate points to: synthetic certificates are not rendered.</summary>
public sealed record SyntheticPdf(Guid Id, string Sha256);
