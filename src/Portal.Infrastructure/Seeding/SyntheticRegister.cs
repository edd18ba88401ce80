using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Codes;
using Portal.Domain.Common;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Search;

namespace Portal.Infrastructure.Seeding;

/// <summary>
/// A synthetic register for performance work: N institutions with realistic Chinese names, valid and
/// distinct unified social credit codes, spread over several county offices, each with its first version.
/// Rows go in through prepared statements in large transactions; the search triggers index them as
/// they are written, exactly as for a registration made on the portal. Embedded database only.
/// </summary>
public static class SyntheticRegister
{
    private static readonly (string Region, string Name, string En)[] Counties =
    [
        ("330102", "杭州市上城区", "Shangcheng District"), ("330106", "杭州市西湖区", "Xihu District"), ("330109", "杭州市萧山区", "Xiaoshan District"),
        ("330122", "桐庐县", "Tonglu County"), ("330127", "淳安县", "Chun'an County"), ("330723", "武义县", "Wuyi County"),
        ("330727", "磐安县", "Pan'an County"), ("330781", "兰溪市", "Lanxi City"), ("330782", "义乌市", "Yiwu City"), ("330783", "东阳市", "Dongyang City"),
    ];

    private const string Syllables = "安宝北滨长城崇大德东丰凤福高古广桂和河横红华怀黄汇吉嘉江金锦靖康兰乐莲联临龙隆梅明南宁平浦青清庆仁瑞三山上盛石双顺泰塘桃天田通桐万文西溪仙祥新兴秀阳杨义永玉园云泽樟中钟竹";

    private static readonly string[] TownSuffixes = ["镇", "乡", "街道"];

    /// <summary>(kind of unit, sponsor department, purpose) — the shapes county registers are made of.</summary>
    private static readonly (string Unit, string Sponsor, string Purpose)[] Units =
    [
        ("中心小学", "教育局", "实施小学义务教育，促进基础教育发展"), ("初级中学", "教育局", "实施初中义务教育，促进基础教育发展"), ("幼儿园", "教育局", "实施学前教育，促进幼儿身心发展"),
        ("卫生院", "卫生健康局", "提供基本医疗和公共卫生服务"), ("社区卫生服务中心", "卫生健康局", "提供社区基本医疗和公共卫生服务"),
        ("文化站", "文化和广电旅游体育局", "开展群众文化活动"), ("农业技术推广站", "农业农村局", "推广农业技术，服务农业生产"),
        ("林业工作站", "自然资源和规划局", "森林资源保护与林业技术服务"), ("水利管理站", "水务局", "小型水利工程管理与防汛服务"),
        ("便民服务中心", "人民政府", "为群众提供政务便民服务"), ("退役军人服务站", "退役军人事务局", "为退役军人提供服务保障"),
        ("畜牧兽医站", "农业农村局", "动物疫病防控与畜牧技术服务"), ("综合文化站", "文化和广电旅游体育局", "公共文化服务"),
        ("成人文化技术学校", "教育局", "开展成人文化技术培训"), ("敬老院", "民政局", "为特困老年人提供供养服务"),
    ];

    private static readonly (string Unit, string Sponsor, string Purpose)[] CountyUnits =
    [
        ("第{0}中学", "教育局", "实施高中教育，促进基础教育发展"), ("第{0}人民医院", "卫生健康局", "提供医疗救治与公共卫生服务"),
        ("疾病预防控制中心第{0}分中心", "卫生健康局", "疾病预防控制与卫生监测"), ("图书馆第{0}分馆", "文化和广电旅游体育局", "公共图书借阅与阅读推广"),
        ("职业技术学校第{0}校区", "教育局", "实施中等职业教育"), ("公共资源交易中心第{0}服务点", "人民政府办公室", "公共资源交易服务"),
        ("不动产登记服务中心第{0}窗口", "自然资源和规划局", "不动产登记服务"), ("档案馆第{0}库", "档案局", "档案收集保管与利用"),
    ];

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢";
    private const string GivenChars = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国志军晓东海燕文斌立群";

    public sealed record Result(int Institutions, int Offices, TimeSpan Elapsed);

    public static async Task<Result> GenerateAsync(PortalDbContext db, int count, int seed = 20261126, Action<int>? progress = null, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("The synthetic register is written straight into the embedded (SQLite) database.");
        }

        var funding = await db.FundingSources.AsNoTracking().OrderBy(f => f.SortOrder).Select(f => f.Code).ToListAsync(ct);
        var offices = new List<RegistrationOffice>();
        foreach (var (region, name, en) in Counties)
        {
            var office = await db.Offices.SingleOrDefaultAsync(o => o.RegionCode == region, ct);
            if (office is null)
            {
                office = new RegistrationOffice(Guid.CreateVersion7(), name + "事业单位登记管理局", en + " Public Institution Registration Office", region, null);
                db.Offices.Add(office);
            }

            offices.Add(office);
        }

        await db.SaveChangesAsync(ct);
        var existing = await db.Institutions.CountAsync(ct);

        var stopwatch = Stopwatch.StartNew();
        var connectionString = db.Database.GetConnectionString()!;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        var random = new Random(seed);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        const string InstitutionSql = """
            INSERT INTO Institutions (Id, OfficeId, Code, LegacyCertificateNumber, Status, RegisteredOn, EndedOn, Name, SecondName, Domicile, PurposeAndScope,
              LegalRepresentative, LegalRepresentativeIdNumber, FundingSourceCode, StartupCapital, Sponsor, NameKey, CertificateNumber, CertificateValidUntil,
              CurrentVersion, ConcurrencyToken, HoldCorrectBy, SearchNames, SearchGrams)
            VALUES ($id, $office, $code, $legacy, $status, $on, $ended, $name, NULL, $domicile, $purpose, $rep, $repId, $funding, $capital, $sponsor, $key,
              $legacy, $until, 1, $token, NULL, $names, $grams)
            """;
        const string VersionSql = """
            INSERT INTO InstitutionVersions (Id, InstitutionId, Number, Name, SecondName, Domicile, PurposeAndScope, LegalRepresentative, LegalRepresentativeIdNumber,
              FundingSourceCode, StartupCapital, Sponsor, EffectiveOn, RecordedUtc)
            VALUES ($vid, $id, 1, $name, NULL, $domicile, $purpose, $rep, $repId, $funding, $capital, $sponsor, $on, $now)
            """;
        var written = 0;
        const int Batch = 100_000;
        while (written < count)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = InstitutionSql;
            await using var version = connection.CreateCommand();
            version.Transaction = tx;
            version.CommandText = VersionSql;
            var p = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "$id", "$office", "$code", "$legacy", "$status", "$on", "$ended", "$name", "$domicile", "$purpose", "$rep", "$repId", "$funding", "$capital", "$sponsor", "$key", "$until", "$token", "$names", "$grams" })
            {
                p[name] = insert.Parameters.Add(name, SqliteType.Text);
            }

            var vp = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "$vid", "$id", "$name", "$domicile", "$purpose", "$rep", "$repId", "$funding", "$capital", "$sponsor", "$on", "$now" })
            {
                vp[name] = version.Parameters.Add(name, SqliteType.Text);
            }

            insert.Prepare();
            version.Prepare();
            vp["$now"].Value = now;
            var end = Math.Min(count, written + Batch);
            for (var n = written; n < end; n++)
            {
                var serial = existing + n;
                var officeIndex = n % offices.Count;
                var office = offices[officeIndex];
                var county = Counties[officeIndex].Name;
                var (name, unit) = Name(random, county, n / offices.Count);
                var sponsor = county.EndsWith('区') || county.EndsWith('市') || county.EndsWith('县') ? county + unit.Sponsor : unit.Sponsor;
                var code = Code(office.RegionCode, serial);
                var registeredOn = new DateOnly(1995, 1, 1).AddDays(random.Next(0, 11_000));
                var status = random.Next(100) switch { < 93 => InstitutionStatus.Registered, < 98 => InstitutionStatus.Deregistered, _ => InstitutionStatus.Revoked };
                var names = SearchText.AppendNames(null, name);
                var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
                var rep = Surnames[random.Next(Surnames.Length)].ToString() + GivenChars[random.Next(GivenChars.Length)] + (random.Next(2) == 0 ? GivenChars[random.Next(GivenChars.Length)].ToString() : string.Empty);
                var repId = ResidentIdNumber.WithCheck(office.RegionCode + (1960 + random.Next(40)).ToString(CultureInfo.InvariantCulture)
                    + (1 + random.Next(12)).ToString("00", CultureInfo.InvariantCulture) + (1 + random.Next(28)).ToString("00", CultureInfo.InvariantCulture) + random.Next(1000).ToString("000", CultureInfo.InvariantCulture));
                var domicile = county + Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)] + "路" + (1 + random.Next(300)).ToString(CultureInfo.InvariantCulture) + "号";
                var validUntil = status == InstitutionStatus.Registered ? registeredOn.AddYears(5 * (1 + (DateTime.UtcNow.Year - registeredOn.Year) / 5)) : (DateOnly?)null;

                p["$id"].Value = id;
                p["$office"].Value = office.Id.ToString().ToUpperInvariant();
                p["$code"].Value = code;
                p["$legacy"].Value = "事证第" + (100_000_000_000L + serial).ToString(CultureInfo.InvariantCulture) + "号";
                p["$status"].Value = status.ToString();
                p["$on"].Value = registeredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p["$ended"].Value = status == InstitutionStatus.Registered ? DBNull.Value : registeredOn.AddYears(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p["$name"].Value = name;
                p["$domicile"].Value = domicile;
                p["$purpose"].Value = unit.Purpose + "。";
                p["$rep"].Value = rep;
                p["$repId"].Value = repId;
                p["$funding"].Value = funding[random.Next(funding.Count)];
                p["$capital"].Value = (long)random.Next(1_000, 5_000_000);
                p["$sponsor"].Value = sponsor;
                p["$key"].Value = NameKey.Of(name);
                p["$until"].Value = validUntil is { } u ? u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
                p["$token"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
                p["$names"].Value = names;
                p["$grams"].Value = SearchText.Grams(names);
                await insert.ExecuteNonQueryAsync(ct);

                vp["$vid"].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                foreach (var shared in new[] { "$id", "$name", "$domicile", "$purpose", "$rep", "$repId", "$funding", "$capital", "$sponsor", "$on" })
                {
                    vp[shared].Value = p[shared].Value;
                }

                await version.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            written = end;
            progress?.Invoke(written);
        }

        return new Result(count, offices.Count, stopwatch.Elapsed);
    }

    /// <summary>A distinct body per serial number (a bijection onto the 31⁶ bodies after "MB"), so codes never collide.</summary>
    public static string Code(string region, int serial)
    {
        var alphabet = UnifiedSocialCreditCode.Alphabet;
        Span<char> body = stackalloc char[8];
        body[0] = 'M';
        body[1] = 'B';
        var v = (long)serial * 7_368_787L % 887_503_681L; // 31^6; the multiplier is coprime with 31
        for (var i = 7; i >= 2; i--)
        {
            body[i] = alphabet[(int)(v % alphabet.Length)];
            v /= alphabet.Length;
        }

        return UnifiedSocialCreditCode.TryCreate(region, new string(body), out var code) ? code.Value : throw new InvalidOperationException("Bad synthetic code.");
    }

    private static (string Name, (string Unit, string Sponsor, string Purpose) Unit) Name(Random random, string county, int ordinal)
    {
        if (random.Next(10) == 0)
        {
            var unit = CountyUnits[random.Next(CountyUnits.Length)];
            return (county + string.Format(CultureInfo.InvariantCulture, unit.Unit, ordinal % 997 + 1), unit);
        }

        var town = Syllables[random.Next(Syllables.Length)].ToString() + Syllables[random.Next(Syllables.Length)] + TownSuffixes[random.Next(TownSuffixes.Length)];
        var village = random.Next(3) == 0 ? Syllables[random.Next(Syllables.Length)].ToString() + Syllables[random.Next(Syllables.Length)] + "村" : string.Empty;
        var u = Units[random.Next(Units.Length)];
        return (county + town + village + u.Unit, u);
    }
}
