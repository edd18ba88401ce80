using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Portal.Domain.Instruments;
using Portal.Domain.Offices;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;

namespace Portal.Infrastructure.Instruments;

/// <summary>What an act asks to be issued: its kind, to whom and about what, and the body.</summary>
public sealed record InstrumentRequest(
    Guid OfficeId,
    InstrumentKind Kind,
    DateOnly IssuedOn,
    InstrumentBody Body,
    Guid? FilingId = null,
    Guid? InstitutionId = null,
    string? ApplicantUserId = null,
    Guid? CertificateId = null);

/// <summary>
/// Issues an instrument inside the act's transaction: the next number of the office's sequence for that kind and
/// year (a counter row moved in the same transaction, so a failed act leaves no gap and two acts never share a
/// number), a check code, the PDF signed with the office's key, stored once with its SHA-256.
/// When the office's key cannot sign, it throws before anything is numbered, and the act fails as a whole.
/// </summary>
public sealed class InstrumentIssuer(PortalDbContext db, DocumentSigners signers, IOptions<PublicUrlOptions> urls, TimeProvider clock, Email.EmailOutbox outbox)
{
    public async Task<Instrument> IssueAsync(InstrumentRequest request, CancellationToken ct)
    {
        var office = await db.Offices.AsNoTracking().Where(o => o.Id == request.OfficeId)
            .Select(o => new { o.Id, o.NameZh, o.RegionCode, o.DocumentPrefix, o.Telephone }).SingleAsync(ct);
        var signer = signers.For(office.RegionCode, office.NameZh);
        var year = request.IssuedOn.Year;
        var serial = await new NumberSequence(db).NextAsync(CounterKey(office.Id, request.Kind, year), ct);
        var number = InstrumentNumber.Format(office.DocumentPrefix, request.Kind, year, serial);
        var checkCode = RandomNumberGenerator.GetString(InstrumentNumber.CheckAlphabet, InstrumentNumber.CheckCodeLength);
        var baseUrl = urls.Value.PublicBaseUrl.TrimEnd('/');
        var content = new InstrumentContent(request.Kind, number, office.NameZh, office.Telephone, request.IssuedOn, request.Body,
            CheckUrl(baseUrl, checkCode), checkCode, baseUrl + "/documents/check");
        var pdf = InstrumentPdfRenderer.Render(content, signer);
        var now = clock.GetUtcNow().UtcDateTime;
        var file = StoredFile.Create(pdf, now);
        db.StoredFiles.Add(file);
        var instrument = new Instrument(Guid.CreateVersion7(), office.Id, request.Kind, year, serial, number, checkCode, request.FilingId, request.InstitutionId,
            request.ApplicantUserId, request.CertificateId, request.Body.Addressee, request.IssuedOn, now, file.Id, file.Sha256, signer.Thumbprint);
        db.Instruments.Add(instrument);
        return instrument;
    }

    /// <summary>
    /// Sends an instrument that no filing notice carries (a voided certificate) to the institution's users: a message in the
    /// portal inbox and an email with the PDF attached, in the same unit of work.
    /// </summary>
    public async Task DeliverAsync(Instrument instrument, string titleZh, string titleEn, string bodyZh, string bodyEn, CancellationToken ct)
    {
        if (instrument.InstitutionId is not { } institutionId)
        {
            return;
        }

        var recipients = await db.Users.Where(u => u.InstitutionId == institutionId).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var url = urls.Value.PublicBaseUrl.TrimEnd('/') + "/institution/documents";
        foreach (var r in recipients)
        {
            db.Notifications.Add(new Portal.Domain.Notifications.Notification(r.Id, titleZh, titleEn, bodyZh, bodyEn, "/institution/documents", now));
            if (!string.IsNullOrEmpty(r.Email))
            {
                outbox.Enqueue(r.Email, $"{titleZh} / {titleEn}", $"{bodyZh}\n\n查看文书：{url}\n\n---\n\n{bodyEn}\n\nDocuments: {url}",
                    "instrument", instrument.FileId, InstrumentTitles.FileName(instrument.Kind, instrument.Number));
            }
        }
    }

    public static string CounterKey(Guid officeId, InstrumentKind kind, int year) => $"instrument:{officeId:N}:{kind}:{year}";

    /// <summary>The QR target: short enough for a small QR code, and needs nothing but the code.</summary>
    public static string CheckUrl(string baseUrl, string checkCode) => $"{baseUrl.TrimEnd('/')}/documents/check/{checkCode}";
}

public class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> builder)
    {
        builder.ToTable("Instruments");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Number).HasMaxLength(40).IsRequired();
        builder.Property(i => i.CheckCode).HasMaxLength(InstrumentNumber.CheckCodeLength).IsRequired();
        builder.Property(i => i.Addressee).HasMaxLength(200).IsRequired();
        builder.Property(i => i.ApplicantUserId).HasMaxLength(450);
        builder.Property(i => i.OpenedByUserId).HasMaxLength(450);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(i => i.SignerThumbprint).HasMaxLength(64).IsRequired();

        // The public check looks an instrument up by its check code or its file's SHA-256; numbers never repeat within an office.
        builder.HasIndex(i => i.CheckCode).IsUnique();
        builder.HasIndex(i => i.Sha256);
        builder.HasIndex(i => new { i.OfficeId, i.Kind, i.Year, i.Serial }).IsUnique();
        builder.HasIndex(i => new { i.OfficeId, i.IssuedUtc });
        builder.HasIndex(i => new { i.InstitutionId, i.IssuedUtc });
        builder.HasIndex(i => new { i.ApplicantUserId, i.IssuedUtc });
        builder.HasIndex(i => i.FilingId);
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(i => i.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(i => i.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
