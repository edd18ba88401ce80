using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Email;

/// <summary>Delivers pending outbox messages in the background; a failed message is retried up to 10 times.</summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int MaxAttempts = 10;

    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var pending = await db.OutboxMessages
            .Where(m => m.SentUtc == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.CreatedUtc)
            .Take(50)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var message in pending)
        {
            message.Attempts++;
            try
            {
                if (message.AttachmentFileId is { } fileId)
                {
                    message.AttachmentContent = await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.Content).SingleOrDefaultAsync(ct);
                }

                await transport.SendAsync(message, ct);
                message.SentUtc = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                LogSendFailed(logger, message.Id, ex);
            }

            await db.SaveChangesAsync(ct);
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
            }

            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {Id} failed")]
    private static partial void LogSendFailed(ILogger logger, Guid id, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception ex);
}
