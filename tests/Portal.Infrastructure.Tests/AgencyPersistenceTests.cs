using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Codes;
using Portal.Domain.Offices;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Tests;

public class AgencyPersistenceTests
{
    private static readonly Guid County = Guid.Parse("00000000-0000-0000-0000-000000000726");

    [Fact]
    public async Task AnAgency_WithItsCodeAndVersions_ReadsBackAsSaved()
    {
        await using var t = await TestDatabase.CreateAsync();
        Guid id;
        string code;
        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Offices.Add(new RegistrationOffice(County, "浦江县事业单位登记管理局", "Pujiang", "330726", null));
            await db.SaveChangesAsync();
            var assigned = await scope.ServiceProvider.GetRequiredService<CodeRegistry>().AssignNewCodeAsync(CodeCategory.Organ, County, "330726");
            var items = new AgencyItems
            {
                Name = "中共浦江县委组织部",
                Category = AgencyCategory.Organ,
                EstablishingDocument = "浦委〔2019〕3号",
                Functions = "负责全县组织工作。",
                Address = "浙江省金华市浦江县浦阳街道人民东路1号",
                PersonInCharge = "张立",
                PersonInChargeIdNumber = Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619750101123"),
            };
            var agency = Agency.Register(County, assigned, items, new DateOnly(2026, 1, 5), t.Clock.GetUtcNow().UtcDateTime);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            agency.RecordChange(items with { Address = "浙江省金华市浦江县浦阳街道人民东路9号" }, new DateOnly(2026, 3, 1), t.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            (id, code) = (agency.Id, agency.Code);
        }

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var agency = await db.Agencies.Include(a => a.Versions).SingleAsync(a => a.Id == id);
            Assert.Equal(code, agency.Code);
            Assert.StartsWith("11330726", agency.Code);
            Assert.Equal(AgencyCategory.Organ, agency.Current.Category);
            Assert.Equal("浙江省金华市浦江县浦阳街道人民东路9号", agency.Current.Address);
            Assert.Equal([1, 2], agency.Versions.OrderBy(v => v.Number).Select(v => v.Number));
            Assert.Equal("浙江省金华市浦江县浦阳街道人民东路1号", agency.Versions.Single(v => v.Number == 1).Items.Address);
            Assert.True(await db.IssuedCodes.AnyAsync(c => c.Code == code)); // its body can never go to an institution
        }
    }
}
