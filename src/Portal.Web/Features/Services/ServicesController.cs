using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Services;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Services;

/// <summary>One office's service desk and time promise, as every guide prints it.</summary>
public sealed record OfficeDeskViewModel(
    Guid Id, string Name, string? Telephone, string? Address, string? Hours, string? Notes, int? PromisedDays, DateOnly WindowOpens, DateOnly WindowCloses);

public sealed record ServiceListViewModel(IReadOnlyList<ServiceDefinition> Services, IReadOnlyList<Portal.Web.Features.Ratings.OfficeSatisfaction>? Satisfaction = null);

public sealed record ServiceGuideViewModel(
    ServiceDefinition Service,
    IReadOnlyList<ServiceMaterial> Materials,
    int AcceptanceWorkingDays,
    int DecisionDays,
    IReadOnlyList<OfficeDeskViewModel> Offices,
    string StartUrl);

/// <summary>
/// 办事指南: one public page per service item. Materials come from <see cref="ServiceCatalogue"/>, which derives them from
/// the rules submission enforces; the time limits from the same <see cref="RegistryOptions"/> the filing clocks use and
/// each office's own promise.
/// </summary>
[Route("services")]
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Public)]
public class ServicesController(PortalDbContext db, IOptions<RegistryOptions> registry) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Portal.Web.Features.Ratings.PublicSatisfaction satisfaction, CancellationToken ct) =>
        View(new ServiceListViewModel(ServiceCatalogue.All, await satisfaction.LastTwelveMonthsAsync(ct)));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Guide(string slug, CancellationToken ct)
    {
        if (ServiceCatalogue.BySlug(slug) is not { } service)
        {
            return NotFound();
        }

        var offices = (await db.Offices.AsNoTracking().OrderBy(o => o.RegionCode).ToListAsync(ct))
            .Select(o => new OfficeDeskViewModel(
                    o.Id,
                    Cultures.Pick(o.NameZh, o.NameEn),
                    o.Telephone,
                    Cultures.IsEnglish ? o.DeskAddressEn ?? o.DeskAddressZh : o.DeskAddressZh,
                    Cultures.IsEnglish ? o.DeskHoursEn ?? o.DeskHoursZh : o.DeskHoursZh,
                    Cultures.IsEnglish ? o.DeskNotesEn ?? o.DeskNotesZh : o.DeskNotesZh,
                    o.PromisedDecisionWorkingDays,

                    // Month and day only: a fixed non-leap year carries them (the window never includes 29 February).
                    new DateOnly(2001, o.ReportWindowOpensMonth, o.ReportWindowOpensDay),
                    new DateOnly(2001, o.ReportWindowClosesMonth, o.ReportWindowClosesDay)))
            .ToList();
        return View(new ServiceGuideViewModel(
            service,
            ServiceCatalogue.Materials(service),
            registry.Value.AcceptanceWorkingDays,
            registry.Value.DecisionDays,
            offices,
            StartUrl(service)));
    }

    /// <summary>The blank application form (样表) of a filing service, generated from the definitions the checks use.</summary>
    [HttpGet("{slug}/template.pdf")]
    public IActionResult Template(string slug, [FromServices] TimeProvider clock)
    {
        if (ServiceCatalogue.BySlug(slug) is not { IsFiling: true } service)
        {
            return NotFound();
        }

        var pdf = Portal.Infrastructure.Templates.FormTemplatePdf.Render(ApplicationTemplates.For(service, Portal.Infrastructure.LocalDay.TodayInChina(clock)));
        return File(pdf, "application/pdf", TemplateFileName(service));
    }

    public static string TemplateFileName(ServiceDefinition service) => service.Slug + "-application-form.pdf";

    /// <summary>Where "开始填写" leads: the new-filing page narrowed to this kind (sign-in first), the reports, or the check page.</summary>
    public static string StartUrl(ServiceDefinition service) => service.Item switch
    {
        ServiceItem.AnnualReport => "/annual-reports",
        ServiceItem.CertificateVerification => "/verify",
        _ => "/filings/new?kind=" + service.Kind,
    };
}
