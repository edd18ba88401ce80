using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.AnnualReports;
using Portal.Domain.Filings;
using Portal.Infrastructure.Files;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Codes;
using Portal.Domain.Agencies;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Seeding;

/// <summary>A demo account and, when it was just created or reset, its password (shown once).</summary>
public sealed record DemoAccount(string Email, string Role, string? Password);

/// <summary>
/// Fills an empty embedded database with a county office, its city office, a dozen believable
/// institutions and one account per role. Passwords are random and returned once to be printed.
/// </summary>
public sealed class DemoDataSeeder(PortalDbContext db, UserManager<PortalUser> users, CodeRegistry codes, CertificateIssuer certificates, AgencyCertificateIssuer agencyCertificates, TimeProvider clock)
{
    public static readonly Guid CountyOfficeId = Guid.Parse("0193a1d0-0000-7000-8000-000000330726");
    public static readonly Guid CityOfficeId = Guid.Parse("0193a1d0-0000-7000-8000-000000330700");

    public const string CountyRegion = "330726";
    public const string CityRegion = "330700";

    /// <summary>Seeds when the database has no office yet; returns the accounts created (empty when nothing was done).</summary>
    public async Task<IReadOnlyList<DemoAccount>> SeedIfEmptyAsync(string? fixedPassword, CancellationToken ct = default)
    {
        if (await db.Offices.AnyAsync(ct))
        {
            return [];
        }

        var city = new RegistrationOffice(CityOfficeId, "金华市事业单位登记管理局", "Jinhua City Public Institution Registration Office", CityRegion, null);
        var county = new RegistrationOffice(CountyOfficeId, "浦江县事业单位登记管理局", "Pujiang County Public Institution Registration Office", CountyRegion, CityOfficeId);
        db.Offices.AddRange(city, county);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        county.PromiseDecisionWithin(5); // a typical promise: 5 working days instead of the legal 30 days
        county.SetTelephone("0579-84100000"); // demo numbers, not real lines
        city.SetTelephone("0579-82300000");
        county.SetServiceDesk(
            "浙江省金华市浦江县浦阳街道人民东路1号县行政服务中心二楼编办窗口", // a demo address
            "Staffing office desk, 2nd floor, County Administrative Service Centre, 1 Renmin East Road, Puyang, Pujiang",
            "工作日 上午8:30–12:00，下午14:30–17:30（法定节假日除外）",
            "Working days 8:30–12:00 and 14:30–17:30 (closed on public holidays)",
            "网上申请无需到现场；证书纸质件可到窗口领取。",
            "Online applications need no visit; paper certificates can be collected at the desk.");
        var institutions = new List<Institution>();
        var serial = 0;
        foreach (var (officeId, region, items, yearsAgo) in DemoInstitutions())
        {
            var registeredOn = today.AddYears(-yearsAgo).AddDays(-37 * yearsAgo);
            var code = await codes.AssignNewCodeAsync(officeId, region, ct, registeredOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc)); // assigned the day it was registered

            // Paper certificates on record (事证号: kind 1, registrar code, serial), valid 5 years and renewed since.
            var legacyNumber = $"事证第1{region}{++serial:D5}号";
            var institution = Institution.Register(officeId, code, items, registeredOn, now, legacyNumber);
            var validUntil = registeredOn.AddYears(5);
            while (validUntil < today)
            {
                validUntil = validUntil.AddYears(5);
            }

            if (items.Name == "浦江县图书馆")
            {
                validUntil = today.AddDays(20); // so a newcomer can try a renewal at once
            }

            institution.RecordCertificate(legacyNumber, validUntil);
            institutions.Add(institution);
            db.Institutions.Add(institution);
        }

        await db.SaveChangesAsync(ct);

        // Each institution's first electronic certificate (reason 设立, the first the portal issues), so a newcomer can download and scan at once.
        foreach (var institution in institutions)
        {
            var end = institution.CertificateValidUntil!.Value;
            await certificates.IssueAsync(institution, CertificateIssueReason.Setup, end.AddYears(-Certificate.ValidityYears), ct, validUntilOverride: end);
        }

        await db.SaveChangesAsync(ct);

        // One superseded (a change of sponsor re-issued the certificate) and one voided (lost, then re-issued).
        var agri = institutions.Single(i => i.Current.Name == "浦江县农业技术推广中心");
        agri.RecordChange(agri.Current with { Sponsor = "浦江县农业农村局（浦江县乡村振兴局）" }, today.AddDays(-40), now);
        await certificates.IssueAsync(agri, CertificateIssueReason.Change, today.AddDays(-40), ct);
        var media = institutions.Single(i => i.Current.Name == "浦江县融媒体中心");
        await certificates.IssueAsync(media, CertificateIssueReason.Reissue, today.AddDays(-12), ct);
        await db.SaveChangesAsync(ct);
        SeedFilings(institutions, today, now);
        SeedAnnualReports(institutions, today, now);
        await db.SaveChangesAsync(ct);

        var agencies = await SeedAgenciesAsync(today, now, ct);

        var first = institutions[0];
        // People's names only: the role is shown by the portal in the page's language, never baked into a name.
        var accounts = new List<(string Email, string Name, string Role, Guid? InstitutionId, Guid? OfficeId, Guid? AgencyId)>
        {
            ("admin@demo.portal", "王敏", Roles.Administrator, null, null, null),
            ("supervisor@demo.portal", "陈立华", Roles.RegistrySupervisor, null, CountyOfficeId, null),
            ("registrar@demo.portal", "赵雪", Roles.Registrar, null, CountyOfficeId, null),
            ("city.registrar@demo.portal", "孙浩", Roles.Registrar, null, CityOfficeId, null),

            // The city office's supervisor decides the county office's appeals against ratings (好差评申诉).
            ("city.supervisor@demo.portal", "黄伟", Roles.RegistrySupervisor, null, CityOfficeId, null),
            ("manager@demo.portal", "李建国", Roles.InstitutionManager, first.Id, null, null),
            ("user@demo.portal", "周芳", Roles.InstitutionUser, first.Id, null, null),
            ("applicant@demo.portal", "吴强", Roles.InstitutionUser, null, null, null),

            // A staff member of an organ (机关): files its code certificate's changes.
            ("organ@demo.portal", "郑晓燕", Roles.InstitutionUser, null, null, agencies.Single(a => a.Current.Name == "浦江县人民政府办公室").Id),
        };

        var result = new List<DemoAccount>();
        foreach (var a in accounts)
        {
            var password = fixedPassword ?? NewPassword();
            var user = new PortalUser
            {
                UserName = a.Email,
                Email = a.Email,
                EmailConfirmed = true,
                DisplayName = a.Name,
                InstitutionId = a.InstitutionId,
                OfficeId = a.OfficeId,
                AgencyId = a.AgencyId,
                CreatedUtc = now,
                IsDemo = true,

                // The applicant's registered mobile (a demo number): its last four digits look up a setup's progress.
                PhoneNumber = a.Email == "applicant@demo.portal" ? DemoApplicantMobile : null,
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, a.Role));
            if (a.Role == Roles.InstitutionManager)
            {
                Check(await users.AddToRoleAsync(user, Roles.InstitutionUser));
            }

            result.Add(new DemoAccount(a.Email, a.Role, password));
        }

        return result;
    }

    /// <summary>The demo applicant's mobile number (not a real line).</summary>
    public const string DemoApplicantMobile = "13905794821";

    /// <summary>The county's organs and people's organisations (机关、群团赋码), each with its code and its first electronic certificate.</summary>
    private async Task<List<Agency>> SeedAgenciesAsync(DateOnly today, DateTime now, CancellationToken ct)
    {
        var agencies = new List<Agency>();
        foreach (var (items, yearsAgo) in DemoAgencies())
        {
            var registeredOn = today.AddYears(-yearsAgo).AddDays(-23 * yearsAgo);
            var code = await codes.AssignNewCodeAsync(Agency.CodeCategoryOf(items.Category), CountyOfficeId, CountyRegion, ct, registeredOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
            var agency = Agency.Register(CountyOfficeId, code, items, registeredOn, now);
            db.Agencies.Add(agency);
            agencies.Add(agency);
        }

        await db.SaveChangesAsync(ct);
        foreach (var agency in agencies)
        {
            await agencyCertificates.IssueAsync(agency, AgencyCertificateReason.FirstApplication, agency.RegisteredOn, ct);
        }

        await db.SaveChangesAsync(ct);
        return agencies;
    }

    private static IEnumerable<(AgencyItems Items, int YearsAgo)> DemoAgencies()
    {
        AgencyItems A(string name, AgencyCategory category, string document, string functions, string address, string head, string id17) => new()
        {
            Name = name,
            Category = category,
            EstablishingDocument = document,
            Functions = functions,
            Address = address,
            PersonInCharge = head,
            PersonInChargeIdNumber = Portal.Domain.Common.ResidentIdNumber.WithCheck(id17),
        };

        yield return (A("中共浦江县委组织部", AgencyCategory.Organ, "浦委〔2019〕21号", "负责全县党的组织建设、干部队伍建设和人才工作。", "浙江省金华市浦江县浦阳街道人民东路1号", "张伟东", "33072619760305101"), 6);
        yield return (A("浦江县人民政府办公室", AgencyCategory.Organ, "浦委发〔2019〕8号", "负责县政府日常运转，协助县政府领导处理日常工作，督促检查政府工作部门贯彻落实情况。", "浙江省金华市浦江县浦阳街道人民东路1号", "黄志远", "33072619780312001"), 6);
        yield return (A("浦江县总工会", AgencyCategory.PeopleOrganisation, "浦委〔1985〕12号", "维护职工合法权益，组织职工参与民主管理和民主监督。", "浙江省金华市浦江县浦阳街道和平南路16号", "陈建华", "33072619700101123"), 5);
        yield return (A("共青团浦江县委员会", AgencyCategory.PeopleOrganisation, "浦委〔1985〕13号", "负责全县共青团工作，联系和服务青年，指导少先队工作。", "浙江省金华市浦江县浦阳街道和平南路18号", "楼晓丽", "33072619880711002"), 4);
        yield return (A("浦江县妇女联合会", AgencyCategory.PeopleOrganisation, "浦委〔1985〕14号", "代表和维护妇女权益，促进男女平等，服务妇女儿童发展。", "浙江省金华市浦江县浦阳街道和平南路20号", "何佳敏", "33072619820921004"), 3);
    }

    /// <summary>
    /// A few filings of other county institutions, in different states, so the registrar's queue has work
    /// on the first start (the demo accounts' own institution stays free for the walk-through).
    /// </summary>
    private void SeedFilings(List<Institution> institutions, DateOnly today, DateTime now)
    {
        var clerk = new FilingActor("demo-seed", "周芳", FilingRole.Applicant);
        var registrar = new FilingActor("demo-seed", "赵雪", FilingRole.Registrar);
        var serial = 0;
        Filing Start(string institutionName, FilingKind kind, Func<RegisteredItems, RegisteredItems>? change = null, DateOnly? move = null)
        {
            var institution = institutions.Single(i => i.Current.Name == institutionName);
            var filing = Filing.StartFor(kind, institution.OfficeId, institution.Id, institution.Current, $"{CountyRegion}-{today.Year}-D{++serial:D4}", clerk, At(today.AddDays(-10)));
            if (change is not null)
            {
                filing.DescribeChange(change(institution.Current), move, "机构改革后调整");
            }
            else
            {
                filing.DescribeCertificateRequest("证书副本遗失，已登报声明作废。");
            }

            foreach (var material in FilingMaterials.Required(kind, filing.ChangedItems()))
            {
                var file = StoredFile.Create(DemoPdf, now);
                db.StoredFiles.Add(file);
                filing.Attach(material, material + ".pdf", "application/pdf", DemoPdf.Length, file.Sha256, file.Id, clerk.UserId, now);
            }

            db.Filings.Add(filing);
            return filing;
        }

        // Decided earlier this year, behind the agricultural centre's change and the media centre's re-issued
        // certificate above, so the statistics and the records behind them agree.
        static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc); // 10:00 in China
        var agri = institutions.Single(i => i.Current.Name == "浦江县农业技术推广中心");
        var agriChange = Filing.StartFor(FilingKind.Change, agri.OfficeId, agri.Id, agri.Current with { Sponsor = "浦江县农业农村局" }, $"{CountyRegion}-{today.Year}-D{++serial:D4}", clerk, At(today.AddDays(-53)));
        agriChange.DescribeChange(agri.Current, null, "机构改革后举办单位更名");
        var media = institutions.Single(i => i.Current.Name == "浦江县融媒体中心");
        var mediaReissue = Filing.StartFor(FilingKind.CertificateReissue, media.OfficeId, media.Id, media.Current, $"{CountyRegion}-{today.Year}-D{++serial:D4}", clerk, At(today.AddDays(-20)));
        mediaReissue.DescribeCertificateRequest("证书正本遗失，已登报声明作废。");
        foreach (var (filing, submittedOn, acceptedOn, decidedOn) in new[] { (agriChange, today.AddDays(-52), today.AddDays(-50), today.AddDays(-40)), (mediaReissue, today.AddDays(-19), today.AddDays(-18), today.AddDays(-12)) })
        {
            foreach (var material in FilingMaterials.Required(filing.Kind, filing.ChangedItems()))
            {
                var file = StoredFile.Create(DemoPdf, now);
                db.StoredFiles.Add(file);
                filing.Attach(material, material + ".pdf", "application/pdf", DemoPdf.Length, file.Sha256, file.Id, clerk.UserId, At(submittedOn));
            }

            filing.Submit(clerk, submittedOn, At(submittedOn), nameTaken: false);
            filing.Accept(registrar, acceptedOn, At(acceptedOn));
            filing.Approve(registrar, decidedOn, At(decidedOn), null);
            db.Filings.Add(filing);
        }

        // Submitted two days ago: waiting for acceptance.
        var submitted = Start("浦江县第二中学", FilingKind.Change, i => i with { LegalRepresentative = "楼志刚", LegalRepresentativeIdNumber = ResidentIdNumber.WithCheck("33072619750606123") });
        // Every step's time is on the day the filing's header shows for it (10:00 in China).
        submitted.Submit(clerk, today.AddDays(-2), At(today.AddDays(-2)), nameTaken: false);

        // Accepted: the decision clock runs against the office's promise.
        var accepted = Start("浦江县黄宅镇中心卫生院", FilingKind.Change, i => i with { StartupCapital = 200m });
        accepted.Submit(clerk, today.AddDays(-6), At(today.AddDays(-6)), nameTaken: false);
        accepted.Accept(registrar, today.AddDays(-5), At(today.AddDays(-5)));

        // Returned for supplement: with the applicant.
        var returned = Start("浦江县职业技术学校", FilingKind.CertificateReissue);
        returned.Submit(clerk, today.AddDays(-4), At(today.AddDays(-4)), nameTaken: false);
        returned.ReturnForSupplement(registrar, today.AddDays(-3), At(today.AddDays(-3)), [nameof(AttachmentKind.LossDeclaration)], "遗失声明须在本地主要报刊刊登。");
    }

    /// <summary>Last year's reports, a realistic mix: published (one flagged), returned, late, pending review, and missing ones.</summary>
    private void SeedAnnualReports(List<Institution> institutions, DateOnly today, DateTime now)
    {
        var year = today.Year - 1;
        var window = AnnualReportWindow.For(year);
        var clerk = new FilingActor("demo-seed", "周芳", FilingRole.Applicant);
        var registrar = new FilingActor("demo-seed", "赵雪", FilingRole.Registrar);
        DateOnly Day(int month, int day) => new DateOnly(year + 1, month, day) is var d && d <= today ? d : today;
        static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc); // 10:00 in China: each step on its own day

        AnnualReport Filed(string name, DateOnly submittedOn, decimal start, decimal end)
        {
            var institution = institutions.Single(i => i.Current.Name == name);
            var report = AnnualReport.Start(institution.Id, institution.OfficeId, year, new ReportContent { ChangeCompliance = "无" }, clerk, At(submittedOn.AddDays(-5)));
            report.SaveDraft(new ReportContent
            {
                BusinessActivities = $"{year}年，{name}围绕主责主业开展工作，全年完成各项业务目标。",
                NetAssetsStart = start,
                NetAssetsEnd = end,
                Income = Math.Round(end * 0.8m, 2),
                Expenditure = Math.Round(end * 0.75m, 2),
                ChangeCompliance = "无",
                Performance = "年度考核合格。",
                Litigation = "无",
                Complaints = "无",
                Donations = "无",
                OtherMatters = "无",
                StaffOnRoll = 20,
            }, new SponsorConfirmation("王立群", "局长", submittedOn.AddDays(-3)));
            foreach (var kind in new[] { ReportAttachmentKind.BalanceSheet, ReportAttachmentKind.SponsorConfirmation })
            {
                var file = StoredFile.Create(DemoPdf, now);
                db.StoredFiles.Add(file);
                report.Attach(kind, kind + ".pdf", "application/pdf", DemoPdf.Length, file.Sha256, file.Id, now);
            }

            report.Submit(clerk, window, submittedOn, At(submittedOn));
            db.AnnualReports.Add(report);
            return report;
        }

        Filed("浦江县实验小学", Day(2, 10), 320m, 335.5m).Publish(registrar, Day(2, 20), At(Day(2, 20)), []);
        var flagged = Filed("浦江县第二中学", Day(3, 2), 560m, 498.25m);
        flagged.Publish(registrar, Day(3, 12), At(Day(3, 12)), [ReportSection.Litigation]);
        flagged.FlagForOnSiteCheck(registrar, At(Day(3, 12)), "净资产较上年减少超过10%，安排实地核查。");
        Filed("浦江县黄宅镇中心卫生院", Day(3, 20), 150m, 162.4m).Return(registrar, At(Day(3, 24)), "资产负债表与填报的净资产年末数不一致，请核对后重新报送。");
        Filed("浦江县疾病预防控制中心", Day(5, 8), 210m, 215m); // after 31 March: late, waiting for review
        Filed("浦江县农业技术推广中心", Day(3, 28), 60m, 61.2m); // on time, waiting for review
    }

    private static readonly byte[] DemoPdf = "%PDF-1.4\n% demo material\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>
    /// Gives every demo account a new password (random, or the fixed one) and returns them. An account that
    /// already has the fixed password is left alone, and a change another node made at the same moment
    /// (several nodes starting on one database) is retried on the fresh row rather than stopping start-up.
    /// </summary>
    public async Task<IReadOnlyList<DemoAccount>> ResetPasswordsAsync(string? fixedPassword, CancellationToken ct = default)
    {
        var emails = await users.Users.Where(u => u.IsDemo).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(ct);
        var result = new List<DemoAccount>();
        foreach (var email in emails)
        {
            var password = fixedPassword ?? NewPassword();
            for (var attempt = 1; ; attempt++)
            {
                var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("Demo account vanished: " + email);
                if (fixedPassword is not null && await users.CheckPasswordAsync(user, fixedPassword) && !await users.IsLockedOutAsync(user))
                {
                    result.Add(new DemoAccount(email, await RoleAsync(user), password));
                    break;
                }

                var token = await users.GeneratePasswordResetTokenAsync(user);
                var reset = await users.ResetPasswordAsync(user, token, password);
                if (!reset.Succeeded && attempt < 5 && reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
                {
                    db.Entry(user).State = EntityState.Detached; // another node changed the account just now: read it again
                    continue;
                }

                Check(reset);
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                result.Add(new DemoAccount(email, await RoleAsync(user), password));
                break;
            }
        }

        return result;

        async Task<string> RoleAsync(PortalUser user)
        {
            var roles = await users.GetRolesAsync(user);
            return roles.FirstOrDefault(r => r != Roles.InstitutionUser) ?? roles.FirstOrDefault() ?? string.Empty;
        }
    }

    /// <summary>Sixteen random characters in groups, easy to type from a console: e.g. "k7pw-3hxq-9tmc-r2fa".</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = new char[19];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 5 == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private static IEnumerable<(Guid OfficeId, string Region, RegisteredItems Items, int YearsAgo)> DemoInstitutions()
    {
        const string county = "浙江省金华市浦江县";
        yield return (CountyOfficeId, CountyRegion, Items("浦江县乡村振兴技术服务中心", county + "浦阳街道和平北路58号", "为全县乡村振兴提供技术服务。农业产业发展技术指导；农村人居环境整治技术支持；乡村振兴项目实施的技术服务。", "李建国", "330726197803152118", "FULL", 50m, "浦江县农业农村局"), 3);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县自然资源和规划技术服务中心", county + "浦阳街道人民东路116号", "为自然资源管理和国土空间规划提供技术保障。土地调查与测绘；国土空间规划编制技术支持；不动产登记技术服务。", "黄志明", "330726198011204416", "FULL", 80m, "浦江县自然资源和规划局"), 4);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县实验小学", county + "浦阳街道大成路1号", "实施小学义务教育，促进基础教育发展。小学学历教育；学生综合素质培养。", "方晓燕", "330726197506083823", "FULL", 320m, "浦江县教育局"), 6);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县第二中学", county + "仙华街道中山北路288号", "实施高中学历教育，促进基础教育发展。高中学历教育；学生综合素质培养；教学研究。", "张伟东", "330726197212111210", "FULL", 560m, "浦江县教育局"), 5);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县黄宅镇中心卫生院", county + "黄宅镇黄宅大道36号", "为人民身体健康提供基本医疗和公共卫生服务。常见病诊疗；预防保健；健康教育；基本公共卫生服务。", "楼玉琴", "330726198204265628", "PARTIAL", 150m, "浦江县卫生健康局"), 7);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县疾病预防控制中心", county + "浦阳街道檀溪路9号", "为疾病预防控制提供技术保障。传染病和慢性病防控；卫生检验检测；健康危害因素监测。", "何建平", "33072619790930001X", "FULL", 210m, "浦江县卫生健康局"), 8);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县图书馆", county + "浦阳街道文化路18号", "为公众提供图书阅览和文化服务。文献收藏与借阅；全民阅读推广；地方文献整理。", "朱丽萍", "330726198507154527", "FULL", 95m, "浦江县文化和广电旅游体育局"), 9);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县农业技术推广中心", county + "浦阳街道江滨中路66号", "为农业生产提供技术推广服务。农业新技术引进示范；农技培训；病虫害监测预报。", "吴国庆", "330726197610015033", "FULL", 60m, "浦江县农业农村局"), 6);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县职业技术学校", county + "浦南街道职教路1号", "实施中等职业教育，培养技术技能人才。中等职业学历教育；职业技能培训。", "徐海燕", "330726198103226944", "PARTIAL", 420m, "浦江县教育局"), 4);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县社会保险服务中心", county + "浦阳街道和平南路20号", "为社会保险经办提供服务保障。社会保险登记；待遇核定与发放；社会保险基金财务管理。", "陈晓东", "330726198709190710", "FULL", 40m, "浦江县人力资源和社会保障局"), 3);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县公共资源交易中心", county + "仙华街道恒昌大道99号", "为公共资源交易提供服务。工程建设项目招标投标；政府采购；产权交易服务。", "郑凯", "330726198212053019", "FULL", 30m, "浦江县人民政府办公室"), 2);
        yield return (CountyOfficeId, CountyRegion, Items("浦江县融媒体中心", county + "浦阳街道广电路2号", "为全县新闻宣传和信息服务提供保障。广播电视节目制作播出；新媒体运营；信息发布。", "蒋文斌", "330726197908282534", "SELF", 600m, "中共浦江县委宣传部"), 5);
        const string city = "浙江省金华市婺城区";
        yield return (CityOfficeId, CityRegion, Items("金华市公共资源交易服务中心", city + "双龙南街858号", "为全市公共资源交易提供平台服务。交易场所服务；交易信息发布；专家抽取服务。", "邵建华", "330702197705120011", "FULL", 120m, "金华市人民政府办公室"), 6);
        yield return (CityOfficeId, CityRegion, Items("金华市中心医院", city + "明月街351号", "为人民身体健康提供医疗与护理保健服务。医疗与护理；医学教学；医学研究；卫生医疗人员培训。", "蔡志远", "330702196912150033", "PARTIAL", 18000m, "金华市卫生健康委员会"), 10);
    }

    private static RegisteredItems Items(string name, string domicile, string scope, string rep, string id, string funding, decimal capital, string sponsor) => new()
    {
        Name = name,
        Domicile = domicile,
        PurposeAndScope = scope,
        LegalRepresentative = rep,
        LegalRepresentativeIdNumber = ResidentIdNumber.WithCheck(id[..17]),
        FundingSourceCode = funding,
        StartupCapital = capital,
        Sponsor = sponsor,
    };
}
