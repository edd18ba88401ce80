using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Infrastructure.Email;

public interface IEmailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Builds the MIME message both transports send.</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(EmailOptions options, OutboxMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = $"{message.Id:N}@portal" };
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var text = new TextPart("plain") { Text = message.Body };
        if (message.AttachmentContent is not { } content)
        {
            mime.Body = text;
            return mime;
        }

        var builder = new BodyBuilder { TextBody = message.Body };
        builder.Attachments.Add(message.AttachmentName ?? "attachment.pdf", content, new ContentType("application", "pdf"));
        mime.Body = builder.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes each message as an .eml file: the default, so a fresh checkout needs no mail server.</summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, RepositoryPaths paths) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var dir = paths.Resolve(options.Value.PickupDirectory);
        Directory.CreateDirectory(dir);
        var mime = MimeMessages.Build(options.Value, message);
        var file = Path.Combine(dir, $"{message.CreatedUtc:yyyyMMddHHmmss}-{message.Id:N}.eml");
        await using var stream = File.Create(file);
        await mime.WriteToAsync(stream, ct);
    }
}

public sealed class SmtpTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost ?? throw new InvalidOperationException("Email:SmtpHost is not set."), o.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? string.Empty, ct);
        }

        await client.SendAsync(MimeMessages.Build(o, message), ct);
        await client.DisconnectAsync(true, ct);
    }
}
