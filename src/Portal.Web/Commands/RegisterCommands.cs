using System.CommandLine;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Infrastructure;

namespace Portal.Web.Commands;

/// <summary><c>generate-register --count N</c>: a synthetic register written into the configured (embedded) database.</summary>
public static class GenerateRegisterCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Institutions to write (with their certificates, announcements, feed events and reports)", DefaultValueFactory = _ => 100_000 };
        var command = PortalCommands.Open("generate-register", "Write a synthetic register for performance work into the configured database");
        command.Options.Add(count);
        command.SetAction(async (result, ct) =>
        {
            var app = PortalApp.Build(PortalCommands.Settings(result));
            await PortalApp.InitializeDatabaseAsync(app);
            using var scope = app.Services.CreateScope();
            var written = await SyntheticRegister.GenerateAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), result.GetValue(count),
                SyntheticRegister.For(scope.ServiceProvider, line => Console.WriteLine("  … " + line)), ct);
            Console.WriteLine($"Wrote {written.Institutions:N0} synthetic institutions ({written.Certificates:N0} certificates) over {written.Offices} offices in {written.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return command;
    }
}

/// <summary><c>audit verify</c>: walks the audit log's hash chain and names the first altered entry.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = PortalCommands.Open("verify", "Check the audit log's hash chain from the first entry to the last");
        verify.SetAction(async (result, ct) =>
        {
            var app = PortalApp.Build(PortalCommands.Settings(result));
            using var scope = app.Services.CreateScope();
            var (count, broken, reason) = await Portal.Infrastructure.Audit.AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
            Console.WriteLine(broken is null ? $"Audit chain intact: {count:N0} entries checked." : $"Audit chain BROKEN at entry {broken}: {reason}.");
            return broken is null ? 0 : 1;
        });
        return new Command("audit", "The tamper-evident audit log") { verify };
    }
}

/// <summary><c>access-table</c>: the README's roles table, generated from the access declarations.</summary>
public static class AccessTableCommand
{
    public static Command Create()
    {
        var command = new Command("access-table", "Print the roles table (Markdown) generated from AccessMap");
        command.SetAction(_ => Console.Write(AccessMap.Markdown()));
        return command;
    }
}

/// <summary><c>demo reset-passwords</c>: new passwords for the demo accounts (or <c>Demo:Password</c>).</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var reset = PortalCommands.Open("reset-passwords", "Give every demo account a new password and print them");
        reset.SetAction(async (result, _) =>
        {
            var app = PortalApp.Build(PortalCommands.Settings(result));
            await PortalApp.InitializeDatabaseAsync(app);
            using var scope = app.Services.CreateScope();
            var fixedPassword = app.Configuration["Demo:Password"];
            var accounts = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().ResetPasswordsAsync(string.IsNullOrWhiteSpace(fixedPassword) ? null : fixedPassword);
            Console.WriteLine("New demo passwords:");
            foreach (var a in accounts)
            {
                Console.WriteLine($"  {a.Role,-20} {a.Email,-28} {a.Password}");
            }

            return 0;
        });
        return new Command("demo", "The demo accounts") { reset };
    }
}

/// <summary><c>keys rotate</c>: a new certificate signing key in the key folder; earlier keys stay published.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var rotate = PortalCommands.Open("rotate", "Make a new certificate signing key the active one (embedded setup)");
        rotate.SetAction(async (result, _) =>
        {
            var app = PortalApp.Build(PortalCommands.Settings(result));
            var key = app.Services.GetRequiredService<SigningKeyStore>().Rotate();
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                db.Actor = new Portal.Infrastructure.Audit.SystemActor("command line (" + Environment.UserName + ")");
                db.RecordAct("keys.rotate", "SigningKey", key.KeyId);
                await db.SaveChangesAsync();
            }

            Console.WriteLine($"New certificate signing key {key.KeyId} is active; earlier keys stay published for verification.");
            return 0;
        });
        return new Command("keys", "Certificate signing keys") { rotate };
    }
}

/// <summary>
/// <c>api-clients add --name N --scope S…</c>: registers a system-to-system API client and prints its id and
/// secret once (for automation and the web benchmark; administrators normally use /admin/api-clients).
/// </summary>
public static class ApiClientsCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The client's name", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = "Allowed scopes (repeat the option)", Required = true };
        var add = PortalCommands.Open("add", "Register a client-credentials API client; prints client_id and client_secret once");
        add.Options.Add(name);
        add.Options.Add(scopes);
        add.SetAction(async (result, ct) =>
        {
            var wanted = result.GetValue(scopes)!;
            if (wanted.FirstOrDefault(s => !Portal.Infrastructure.Api.ApiScopes.All.Contains(s)) is { } unknown)
            {
                Console.Error.WriteLine($"Unknown scope {unknown}; the scopes are {string.Join(", ", Portal.Infrastructure.Api.ApiScopes.All)}.");
                return 2;
            }

            var app = PortalApp.Build(PortalCommands.Settings(result));
            await PortalApp.InitializeDatabaseAsync(app);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Actor = new Portal.Infrastructure.Audit.SystemActor("command line (" + Environment.UserName + ")");
            var registered = await scope.ServiceProvider.GetRequiredService<Features.ApiClients.RegisterApiClient>()
                .HandleAsync(result.GetValue(name)!.Trim(), Portal.Infrastructure.Api.ApiClientKind.Service, wanted.Distinct().ToList(), [], null, "command line", ct);
            Console.WriteLine($"client_id={registered.ClientId}");
            Console.WriteLine($"client_secret={registered.Secret}");
            return 0;
        });
        return new Command("api-clients", "API clients of other systems") { add };
    }
}
