using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Web.Infrastructure;

/// <summary>
/// The one error pattern of every form, field side: a field whose posted value was refused gets <c>aria-invalid</c>, the
/// <c>is-invalid</c> style and <c>aria-describedby</c> pointing at its message (<see cref="FieldErrorTagHelper"/>). The value
/// itself is never touched: what was typed stays in the field.
/// </summary>
[HtmlTargetElement("input", Attributes = "name")]
[HtmlTargetElement("select", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "name")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 1000; // after the framework's helpers

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = output.Attributes["name"]?.Value?.ToString();
        if (string.IsNullOrEmpty(name) || !ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var id = output.Attributes["id"]?.Value?.ToString() ?? name;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? FieldErrorTagHelper.MessageId(id) : describedBy + " " + FieldErrorTagHelper.MessageId(id));
        output.AddClass("is-invalid", HtmlEncoder.Default);
    }
}

/// <summary><c>&lt;field-error for="Name" /&gt;</c>: the message beside a refused field, with the id its field points at.</summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The field's name (its ModelState key).</summary>
    public string For { get; set; } = string.Empty;

    /// <summary>The field's id when it differs from its name.</summary>
    public string? Id { get; set; }

    public static string MessageId(string fieldId) => fieldId + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ViewData.ModelState.TryGetValue(For, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", MessageId(Id ?? For));
        output.Attributes.SetAttribute("class", "invalid-feedback d-block field-error field-validation-error");
        output.Content.SetContent(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
    }
}
