using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;
using Scalar.AspNetCore;

namespace Portal.Web;

public static class PortalApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (Commands.PortalCommands.IsCommand(args))
        {
            return await Commands.PortalCommands.RunAsync(args);
        }

        var app = Build(args);
        var demoAccounts = await InitializeDatabaseAsync(app);
        await app.StartAsync();
        PrintWelcome(app, demoAccounts);
        await app.WaitForShutdownAsync();
        return 0;
    }

    public static WebApplication Build(string[] args)
    {
        var paths = new RepositoryPaths(Directory.GetCurrentDirectory());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = paths.WebRoot,
        });
        PublicAddress.Add(builder);
        ReverseProxy.Add(builder);
        ServerLogging.Add(builder);
        Metrics.Add(builder);
        builder.Services.AddPortalInfrastructure(builder.Configuration, paths);
        OidcServer.Add(builder.Services, builder.Configuration, paths, builder.Configuration["Portal:PublicBaseUrl"] ?? new PortalOptions().PublicBaseUrl);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    public static async Task<IReadOnlyList<DemoAccount>> InitializeDatabaseAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Portal.Web.Features.Documents.InstrumentOptions>().BindConfiguration("Instruments")
            .Validate(o => o.DeemedDeliveredAfterDays is >= 0 and <= 30, "Instruments:DeemedDeliveredAfterDays must be 0–30.").ValidateOnStart();

        services.AddIdentity<PortalUser, PortalRole>(o =>
            {
                // ASVS 5 V6.2: at least 12 characters, no composition rules, a common-password list instead.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.PasswordResetTokenProvider = ResetTokenProvider.Name;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<StrictAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider) // ±1 step, single use
            .AddTokenProvider<ResetTokenProvider>(ResetTokenProvider.Name) // 2 hours on the app's clock, once
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddSignInManager<PortalSignInManager>() // one hash verification on every login path
            .AddPasswordValidator<CommonPasswordValidator>();

        // Sessions are re-checked against the account (security stamp) this often: a removed user, or a
        // changed password, ends other sessions within this time.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Portal:SessionRevalidationSeconds", 0)));

        // Password reset links: valid for 2 hours.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));

        // Every cookie the portal sets is Secure and HttpOnly outside plain-HTTP development: the cookie
        // policy applies to all of them (sign-in, antiforgery, TempData, language), including ones a
        // library adds later, rather than each remembering its own flags.
        var plainHttpDev = builder.Environment.IsDevelopment();
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = plainHttpDev ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "portal.tempdata";
            o.Cookie.SecurePolicy = plainHttpDev ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "portal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = plainHttpDev ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events = new CookieAuthenticationEvents
            {
                // A forbidden page answers 403 in place (rendered by the status-code page), not a redirect.
                OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
                // A path, not an absolute URL: nothing in a redirect comes from the request's Host header.
                OnRedirectToLogin = ctx =>
                {
                    ctx.Response.Redirect(Uri.TryCreate(ctx.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : ctx.RedirectUri);
                    return Task.CompletedTask;
                },
                OnValidatePrincipal = SessionRevalidation.ValidateAsync,
                OnSigningIn = SessionRevalidation.SigningInAsync,
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = plainHttpDev ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "portal.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = plainHttpDev ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.FormFieldName = "__RequestVerificationToken";
        });

        services.AddAuthorization(o =>
        {
            Policies.Add(o);
            Features.Api.ApiPolicies.Add(o);
        });
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.Api.EnabledClientHandler>();
        services.AddScoped<Features.Verify.CertificateVerification>();
        services.AddHttpContextAccessor();
        services.AddScoped<Portal.Infrastructure.Audit.IAuditActor, Features.Audit.HttpAuditActor>();
        services.AddProblemDetails();
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Portal register API";
                document.Info.Description = "The public institution register for other systems. OAuth 2 bearer tokens from /connect/token (client credentials); scopes register.read, certificates.verify, feed.read, reports.submit. Errors are RFC 9457 problem details.";
                return Task.CompletedTask;
            });
        });
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddLocalization();

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<StaffTwoFactorFilter>();
                o.Filters.Add<UnsafeTextFilter>();
                o.Filters.Add<StepUpFilter>();
                o.Conventions.Add(new RouteValuesFromRouteOnly());
                ValidationMessages.Localize(o.ModelBindingMessageProvider);
            })
            .AddRazorOptions(o =>
            {
                // Feature folders: Features/{Controller}/{View}.cshtml, shared parts in Features/Shared.
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>(sp));
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietTempDataProvider>();

        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        // Emit Chinese as characters, not &#x…; entities (the encoder still escapes markup characters).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures.Supported[0]);
            o.SupportedCultures = Cultures.Supported;
            o.SupportedUICultures = Cultures.Supported;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new LanguageOnlyAcceptLanguageProvider(),
            ];
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section)
            .Validate(o => o.AcceptanceWorkingDays is >= 1 and <= 20 && o.DecisionDays is >= 1 and <= 90, "Registry time limits are out of range.")
            .ValidateOnStart();
        services.AddScoped<FilingAccess>();
        services.AddScoped<FilingClocks>();
        services.AddScoped<FilingNotifier>();
        services.AddScoped<FilingViewBuilder>();
        services.AddScoped<ApplyApproval>();
        services.AddScoped<Portal.Web.Features.Agencies.ApplyAgencyApproval>();
        services.AddScoped<Portal.Web.Features.Agencies.StartAgencyFiling>();
        services.AddScoped<Portal.Web.Features.Agencies.SaveAgencyDetails>();
        services.AddScoped<Portal.Web.Features.Agencies.RecordCollection>();
        services.AddScoped<Portal.Web.Features.Documents.FilingInstruments>();
        services.AddScoped<StartFiling>();
        services.AddScoped<Portal.Web.Features.Progress.LookUpProgress>();
        services.AddScoped<Portal.Web.Features.Review.OfficeQueue>();
        services.AddScoped<SaveFilingDetails>();
        services.AddScoped<AttachFile>();
        services.AddScoped<SubmitFiling>();
        services.AddScoped<WithdrawFiling>();
        services.AddScoped<DecideFiling>();
        services.AddScoped<Portal.Web.Features.Review.AssignFiling>();
        services.AddScoped<Portal.Web.Features.Review.WriteFilingNote>();
        services.AddScoped<Portal.Web.Features.ReportReview.ChaseReport>();
        services.AddScoped<Portal.Web.Features.MyInstitution.InstitutionToDo>();
        services.AddScoped<Portal.Web.Features.Inbox.UnreadMessages>();
        services.AddScoped<Portal.Web.Features.Ratings.RatingPanels>();
        services.AddScoped<Portal.Web.Features.Ratings.RateService>();
        services.AddScoped<Portal.Web.Features.Ratings.WorkRating>();
        services.AddSingleton<Portal.Web.Features.Ratings.PublicSatisfaction>();
        services.AddScoped<Features.ApiClients.RegisterApiClient>();
        services.AddSingleton<Features.Certificates.CertificateExpiryJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Certificates.CertificateExpiryJob>());
        services.AddSingleton(NodeId.New());
        services.AddSingleton<Features.Import.ImportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Import.ImportWorker>());
        services.AddSingleton<Features.Register.OpenDataExportJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Register.OpenDataExportJob>());
        services.AddSingleton<Features.AnnualReports.ReportCycleJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.AnnualReports.ReportCycleJob>());

        RateLimits.Add(services, builder.Configuration);
        PublicOutputCache.Add(services);
        services.AddSingleton<AccountThrottle>();
        services.AddSingleton<ProgressNumberThrottle>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddSingleton<Features.Account.PasswordResetQueue>();
        services.AddHostedService<Features.Account.PasswordResetSender>();
        services.AddHostedService<Features.Account.SessionPurgeJob>();
        services.AddSingleton<Features.Home.PublicFigures>();
        services.AddSingleton<Features.Shared.PageShell>();
        services.AddHostedService<Features.Home.PublicFiguresRefresher>();

        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<SigningKeysReadyCheck>("signing-keys", tags: ["ready"]);
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseForwardedHeaders(); // only from ForwardedHeaders:KnownProxies / KnownNetworks (ReverseProxy)
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UsePublicAddress(app.Environment);
        app.UseCookiePolicy();

        app.UseSecurityHeaders();
        // The API answers errors as problem details (RFC 9457); pages get the friendly bilingual error page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        // Static files only where they live: otherwise every page and API call pays a file-system lookup first.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/css") || c.Request.Path.StartsWithSegments("/js") || c.Request.Path.StartsWithSegments("/lib")
            || c.Request.Path == "/favicon.svg", files => files.UseStaticFiles());
        app.UseRequestLocalization();
        app.UseRouting();
        app.UsePortalAuthentication(); // UseAuthentication, with the OpenID Connect server's request handler on its own paths only
        app.UseAuthorization();
        app.UseMetrics(); // /metrics: allowed networks and administrators only
        app.UseRateLimiter();
        app.UseOutputCache(); // after localization and sign-in: only anonymous pages are cached, per language

        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/live", () => Results.Text("Healthy")).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = ReadyResponse.WriteAsync,
        }).AllowAnonymous();
        Features.Verify.VerifyPage.Map(app); // the busiest page, outside MVC (VerifyPage)
        app.MapControllers();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, o =>
        {
            o.WithTitle("Portal register API");
            o.DisableDefaultFonts(); // no font CDN: the page must work with no outside connection
            o.WithOpenApiRoutePattern("/openapi/{documentName}.json");
        }).AllowAnonymous();
    }

    private static void PrintWelcome(WebApplication app, IReadOnlyList<DemoAccount> accounts)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var baseUrl = (addresses.FirstOrDefault() ?? app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
        Console.WriteLine();
        Console.WriteLine($"Portal is running: {baseUrl}/");
        Console.WriteLine($"Log in at:         {baseUrl}/account/login");
        if (accounts.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Demo accounts (passwords are shown only now; reset them with");
            Console.WriteLine("  dotnet run --project src/Portal.Web -- demo reset-passwords):");
            foreach (var a in accounts)
            {
                Console.WriteLine($"  {a.Role,-20} {a.Email,-28} {a.Password}");
            }
        }

        Console.WriteLine();
    }
}
