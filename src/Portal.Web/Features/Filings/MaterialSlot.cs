using Portal.Domain.Filings;

namespace Portal.Web.Features.Filings;

/// <summary>One labelled upload slot per material of the checklist, in the checklist's order, on the filing's edit page.</summary>
public sealed record MaterialSlot(AttachmentKind Kind, bool Required, IReadOnlyList<AttachmentRow> Files)
{
    /// <summary>The name of the slot's file input, and the key of its error message.</summary>
    public static string FieldName(AttachmentKind kind) => "material-" + kind;

    public static IReadOnlyList<MaterialSlot> For(FilingViewModel filing) =>
        filing.AllowedAttachments
            .Select(k => new MaterialSlot(k, filing.RequiredAttachments.Contains(k), filing.Attachments.Where(a => a.Kind == k).ToList()))
            .ToList();
}
