using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Console;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Console logs for a server: with <c>Logging:Console:FormatterName=json</c>, one JSON object per line
/// (UTC timestamp, level, category, message, the message's fields, and the request's scopes — among them
/// the trace id that the error page shows as its correlation id), ready for a log collector. Chinese stays
/// readable rather than \u-escaped. The default stays the plain text formatter for `dotnet run`.
/// </summary>
public static class ServerLogging
{
    public static void Add(WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.JsonWriterOptions = new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
    }

    /// <summary>The id a person quotes from an error page; the same value is in every log line of that request.</summary>
    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
