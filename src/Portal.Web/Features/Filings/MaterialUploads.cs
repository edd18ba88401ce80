using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Domain.Filings;

namespace Portal.Web.Features.Filings;

/// <summary>The files chosen in an edit page's material slots, attached one by one; a refused file's reason goes to its slot.</summary>
public static class MaterialUploads
{
    /// <summary>True when at least one file was attached.</summary>
    public static async Task<bool> SaveAsync(Controller controller, AttachFile attach, IStringLocalizer l, Guid id, FilingKind kind, CancellationToken ct)
    {
        var request = controller.Request;
        var changed = false;
        foreach (var material in FilingMaterials.Allowed(kind))
        {
            var file = request.HasFormContentType ? request.Form.Files.GetFile(MaterialSlot.FieldName(material)) : null;
            if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            {
                continue;
            }

            var attached = await attach.HandleAsync(controller.User, id, material, file, null, ct);
            if (attached.Outcome == UseCaseOutcome.Done)
            {
                changed = true;
            }
            else
            {
                controller.ModelState.AddModelError(MaterialSlot.FieldName(material), l["Error." + attached.Code]);
            }
        }

        return changed;
    }
}
