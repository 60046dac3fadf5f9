namespace DigestPipeline.Hosting.Telemetry;

/// <summary>Where the pipeline's traces and metrics go (section <c>Telemetry</c>); nowhere unless asked.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The setting Azure Functions and App Service give an app linked to Application Insights.</summary>
    public const string ApplicationInsightsKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry's own setting for an OTLP collector (the Aspire dashboard, a local collector): traces, metrics
    /// and logs are exported there when set. Read by the OTLP exporter itself, with the other <c>OTEL_EXPORTER_OTLP_*</c>.
    /// </summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Print spans and metrics to the console (<c>Telemetry__Console=true</c>).</summary>
    public bool Console { get; set; }

    /// <summary>Application Insights' connection string: traces, metrics and logs are exported there when set.</summary>
    public string? ApplicationInsightsConnectionString { get; set; }

    /// <summary>The service name on every span and metric; <c>OTEL_SERVICE_NAME</c> when set.</summary>
    public string ServiceName { get; set; } = "DigestPipeline";
}
