using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Identity;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Account;

/// <summary>
/// Password-reset requests, handled behind the response: the request only drops the address here, so
/// "forgot password" answers in the same time whether or not the address has an account (issue 12,
/// finding 5). A request lost in a crash costs the person one more click; nothing else is at stake.
/// </summary>
public sealed class PasswordResetQueue
{
    private readonly Channel<(string Email, string Culture)> _channel = Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private int _pending;

    public void Enqueue(string email, string culture)
    {
        Interlocked.Increment(ref _pending);
        if (!_channel.Writer.TryWrite((email, culture)))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    internal ChannelReader<(string Email, string Culture)> Reader => _channel.Reader;

    internal void Done() => Interlocked.Decrement(ref _pending);

    /// <summary>Waits until every request so far has been handled (tests, and a graceful stop).</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref _pending) > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }
    }
}

/// <summary>Sends the reset links queued in <see cref="PasswordResetQueue"/>, each in its own scope.</summary>
public sealed partial class PasswordResetSender(PasswordResetQueue queue, IServiceScopeFactory scopes, ILogger<PasswordResetSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (email, culture) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SendAsync(email, culture, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
                finally
                {
                    queue.Done();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendAsync(string email, string culture, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return;
        }

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Cultures.Supported.FirstOrDefault(c => c.Name == culture) ?? Cultures.Supported[0];
        try
        {
            var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = services.GetRequiredService<IOptions<PortalOptions>>().Value.Url($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}");
            services.GetRequiredService<EmailOutbox>().Enqueue(user.Email!, l["Email.PasswordReset.Subject"], l["Email.PasswordReset.Body", user.DisplayName, link], "password-reset");
            await services.GetRequiredService<PortalDbContext>().SaveChangesAsync(ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending a password reset link failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
