using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Agencies;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Agencies;

/// <summary>
/// Starts one of the four agency filings. A first application may come from a new body's own account or from its superior
/// department's (an agency account), to the office chosen; the others only from the agency's own accounts, to its office.
/// </summary>
public sealed class StartAgencyFiling(PortalDbContext db, FilingClocks clocks)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, FilingKind kind, Guid? chosenOfficeId, CancellationToken ct)
    {
        if (!FilingKinds.IsAgency(kind) || user.InstitutionId() is not null)
        {
            return UseCaseResult.Refused(FilingErrors.WrongKind);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var userId = user.UserId();
        Agency? agency = null;
        int open;
        if (kind == FilingKind.AgencyFirstApplication)
        {
            open = await db.Filings.CountAsync(f => f.ApplicantUserId == userId && f.Kind == FilingKind.AgencyFirstApplication && f.AgencyId == null && FilingWorkflow.OpenStates.Contains(f.State), ct);
        }
        else
        {
            agency = user.AgencyId() is { } aid ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == aid, ct) : null;
            open = agency is null ? 0 : await db.Filings.CountAsync(f => f.AgencyId == agency.Id && FilingWorkflow.OpenStates.Contains(f.State), ct);
        }

        if (FilingPolicy.WhyNotStartForAgency(kind, agency, open) is { } why)
        {
            return UseCaseResult.Refused(why);
        }

        Guid officeId;
        if (agency is not null)
        {
            officeId = agency.OfficeId;
        }
        else if (chosenOfficeId is { } chosen && await db.Offices.AnyAsync(o => o.Id == chosen, ct))
        {
            officeId = chosen;
        }
        else
        {
            return UseCaseResult.Refused("OfficeRequired");
        }

        var number = await clocks.NextNumberAsync(officeId, ct);
        var actor = FilingAccess.Actor(user, asStaff: false);
        var filing = agency is null
            ? Filing.StartAgencyApplication(officeId, number, actor, clocks.NowUtc)
            : Filing.StartForAgency(kind, officeId, agency.Id, agency.Current, number, actor, clocks.NowUtc);
        db.Filings.Add(filing);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return UseCaseResult.Done(filing.Id);
    }
}

/// <summary>Saves a checked agency form as the filing's description.</summary>
public sealed class SaveAgencyDetails(PortalDbContext db, FilingAccess access, FilingClocks clocks)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid id, AgencyDetailsForm form, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(user), id, ct);
        if (filing is null || !FilingKinds.IsAgency(filing.Kind))
        {
            return UseCaseResult.NotFound();
        }

        try
        {
            var explanation = string.IsNullOrWhiteSpace(form.Explanation) ? null : AgencyDetailsForm.Clean(form.Explanation);
            switch (filing.Kind)
            {
                case FilingKind.AgencyFirstApplication:
                    filing.DescribeAgencyApplication(form.ToItems(form.Category!.Value), form.OldOrganisationCode);
                    break;
                case FilingKind.AgencyChange:
                    filing.DescribeAgencyChange(form.ToItems(filing.AgencyBase!.Category), explanation);
                    break;
                case FilingKind.AgencyReissue:
                    var current = await Portal.Infrastructure.Certificates.AgencyCertificateIssuer.CurrentAsync(db, filing.AgencyId!.Value, ct);
                    if (FilingPolicy.WhyNotReissueForAgency(form.ReissueCause!.Value, current, clocks.Today) is { } why)
                    {
                        return UseCaseResult.Refused(why);
                    }

                    filing.DescribeAgencyReissue(form.ReissueCause.Value, explanation ?? string.Empty);
                    break;
                default:
                    filing.DescribeAgencyCancellation(explanation ?? string.Empty);
                    break;
            }

            await db.SaveChangesAsync(ct);
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UseCaseResult.Conflict(null, null);
        }
    }
}

/// <summary>The registrar records that a cancelled body handed in its certificate and seal; the cancellation can then be approved.</summary>
public sealed class RecordCollection(PortalDbContext db, FilingAccess access, FilingClocks clocks)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid id, Guid token, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForStaff(user), id, ct);
        if (filing is null || filing.Kind != FilingKind.AgencyCancellation)
        {
            return UseCaseResult.NotFound();
        }

        if (filing.ConcurrencyToken != token)
        {
            return UseCaseResult.Conflict(null, null);
        }

        try
        {
            filing.RecordCertificateAndSealCollected(clocks.Today);
            await db.SaveChangesAsync(ct);
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UseCaseResult.Conflict(null, null);
        }
    }
}
