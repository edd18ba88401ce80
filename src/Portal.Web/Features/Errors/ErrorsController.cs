using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string? CorrelationId);

/// <summary>The one place unhandled exceptions and error status codes are shown: friendly, bilingual, with a correlation id.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public partial class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("/error")]
    public IActionResult ServerError()
    {
        var correlationId = ServerLogging.CorrelationId(HttpContext);
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (feature?.Error is { } error)
        {
            LogUnhandled(logger, correlationId, feature.Path, error);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (feature?.Path.StartsWith("/api/", StringComparison.Ordinal) == true)
        {
            return Problem(statusCode: 500, title: "Internal error", detail: "Correlation id " + correlationId);
        }

        return View("Error", new ErrorViewModel(500, correlationId));
    }

    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
        var known = code is 400 or 403 or 404 or 405 or 429 ? code : 500;
        Response.StatusCode = code is >= 400 and <= 599 ? code : 404; // /error/0 typed by hand is not a server error
        var correlationId = known == 500 ? ServerLogging.CorrelationId(HttpContext) : null;
        return View("Error", new ErrorViewModel(known, correlationId));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception {CorrelationId} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, string correlationId, string path, Exception ex);
}
