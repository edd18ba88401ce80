using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Filings;

/// <summary>Builds the page model of a filing for the applicant or for registry staff.</summary>
public sealed class FilingViewBuilder(PortalDbContext db, FilingClocks clocks, Microsoft.Extensions.Options.IOptions<Portal.Web.Features.Documents.InstrumentOptions> instrumentOptions)
{
    public async Task<FilingViewModel> BuildAsync(Filing filing, FilingRole viewer, CancellationToken ct)
    {
        var funding = await ReferenceNames.FundingSourcesAsync(db, ct);
        var office = await db.Offices.AsNoTracking().Where(o => o.Id == filing.OfficeId).Select(o => new { o.NameZh, o.NameEn }).SingleAsync(ct);
        var institution = filing.InstitutionId is { } iid
            ? await db.Institutions.AsNoTracking().Where(i => i.Id == iid).Select(i => new { i.Code, i.Current.Name }).SingleOrDefaultAsync(ct)
            : filing.AgencyId is { } aid
                ? await db.Agencies.AsNoTracking().Where(a => a.Id == aid).Select(a => new { a.Code, a.Current.Name }).SingleOrDefaultAsync(ct)
                : null;
        var calendar = await clocks.CalendarAsync(ct);
        var settings = await clocks.SettingsAsync(filing.OfficeId, ct);
        var changed = filing.ChangedItems();
        var consent = filing.InstitutionId is { } cid
            ? await db.Institutions.AsNoTracking().Where(i => i.Id == cid).Select(i => i.ElectronicDeliveryConsentUtc).SingleOrDefaultAsync(ct)
            : null;
        var deemed = TimeSpan.FromDays(instrumentOptions.Value.DeemedDeliveredAfterDays);
        var instruments = (await db.Instruments.AsNoTracking().Where(i => i.FilingId == filing.Id).OrderBy(i => i.IssuedUtc).ToListAsync(ct))
            .Select(i => new Portal.Web.Features.Documents.DocumentRow(i.Id, i.Kind, i.Number, i.Addressee, i.IssuedOn, i.IssuedUtc, i.FilingId, i.DeliveredUtc(consent, deemed, clocks.NowUtc)))
            .ToList();

        return new FilingViewModel
        {
            Id = filing.Id,
            Number = filing.Number,
            Kind = filing.Kind,
            State = filing.State,
            Token = filing.ConcurrencyToken,
            OfficeName = Cultures.Pick(office.NameZh, office.NameEn),
            InstitutionId = filing.InstitutionId,
            InstitutionName = institution?.Name ?? filing.Proposed?.Name ?? filing.AgencyProposed?.Name,
            InstitutionCode = institution?.Code,
            Items = Rows(filing, funding, maskIdentityNumber: viewer == FilingRole.Applicant),
            AgencyItems = AgencyRows(filing, maskIdentityNumber: viewer == FilingRole.Applicant),
            AgencyId = filing.AgencyId,
            OldOrganisationCode = filing.OldOrganisationCode,
            ReissueCause = filing.ReissueCause,
            CollectedOn = filing.CollectedOn,
            ApprovalDocumentNumber = filing.ApprovalDocumentNumber,
            ApprovalDocumentDate = filing.ApprovalDocumentDate,
            StaffingQuota = filing.StaffingQuota,
            PlannedMoveDate = filing.PlannedMoveDate,
            FiledBeforeMove = filing.FiledBeforeMove,
            CapitalChangeIsRequiredRegistration = filing.CapitalChangeIsRequiredRegistration,
            DeregistrationReason = filing.DeregistrationReason,
            Explanation = filing.Explanation,
            ReturnChecklist = filing.ReturnChecklist.Split(',', StringSplitOptions.RemoveEmptyEntries),
            ReturnNote = filing.ReturnNote,
            RefusalReasons = filing.RefusalReasons,
            Attachments = filing.Attachments.OrderBy(a => a.Kind).ThenBy(a => a.UploadedUtc)
                .Select(a => new AttachmentRow(a.Id, a.Kind, a.FileName, a.Size, a.Sha256, a.UploadedUtc)).ToList(),
            RequiredAttachments = FilingMaterials.Required(filing),
            AllowedAttachments = FilingMaterials.Allowed(filing.Kind),
            Events = filing.Events.OrderBy(e => e.Sequence)
                .Select(e => new EventRow(e.Sequence, e.AtUtc, e.ActorName, e.ActorRole, e.From, e.To, e.Action, e.Note)).ToList(),
            Deadlines = FilingClock.Compute(filing, calendar, settings, clocks.Today),
            SubmittedOn = filing.SubmittedOn,
            AcceptedOn = filing.AcceptedOn,
            DecidedOn = filing.DecidedOn,
            Actions = FilingWorkflow.ActionsFor(filing.State, viewer),
            ForStaff = viewer != FilingRole.Applicant,
            Instruments = instruments,
        };
    }

    /// <summary>An agency's printed items, old → new for a change; the identity number masked for the applicant as for institutions.</summary>
    private static List<AgencyItemRow> AgencyRows(Filing filing, bool maskIdentityNumber)
    {
        var after = filing.AgencyProposed ?? filing.AgencyBase;
        if (after is null)
        {
            return [];
        }

        var before = filing.Kind == FilingKind.AgencyChange ? filing.AgencyBase : null;
        string Id(string number) => maskIdentityNumber ? IdentityNumberMask.Mask(number) : number;
        (string Key, Func<Portal.Domain.Agencies.AgencyItems, string> Read)[] fields =
        [
            ("Agency.Name", i => i.Name),
            ("Agency.SecondName", i => i.SecondName ?? string.Empty),
            ("Agency.Category", i => "AgencyCategory." + i.Category),
            ("Agency.EstablishingDocument", i => i.EstablishingDocument),
            ("Agency.Functions", i => i.Functions),
            ("Agency.Address", i => i.Address),
            ("Agency.PersonInCharge", i => i.PersonInCharge),
            ("Agency.PersonInChargeIdNumber", i => Id(i.PersonInChargeIdNumber)),
        ];
        return fields
            .Select(f => new AgencyItemRow(f.Key, before is null ? null : f.Read(before), f.Read(after), before is not null && f.Read(before) != f.Read(after)))
            .Where(r => r.New.Length > 0 || r.Old?.Length > 0)
            .ToList();
    }

    /// <summary>The items, old → new; the identity number in full only for the registering office's staff (the only staff who can open the filing).</summary>
    private static List<ItemRow> Rows(Filing filing, IReadOnlyDictionary<string, (string Zh, string En)> funding, bool maskIdentityNumber)
    {
        var after = filing.Proposed ?? filing.Base;
        if (after is null)
        {
            return [];
        }

        string Funding(string code) => funding.TryGetValue(code, out var f) ? Cultures.Pick(f.Zh, f.En) : code;
        string Show(ItemChange c, string value) => c.Item == RegisteredItem.FundingSource ? Funding(value) : value;

        var before = filing.Kind == FilingKind.Change ? filing.Base : null;
        RegisteredItems Masked(RegisteredItems items) =>
            maskIdentityNumber ? items with { LegalRepresentativeIdNumber = IdentityNumberMask.Mask(items.LegalRepresentativeIdNumber) } : items;
        var shown = ItemComparison.Compare(Masked(before ?? after), Masked(after));
        return ItemComparison.Compare(before ?? after, after)
            .Zip(shown, (c, s) => new ItemRow(c.Item, before is null ? null : Show(s, s.Old), Show(s, s.New), before is not null && c.Old != c.New))
            .ToList();
    }
}
