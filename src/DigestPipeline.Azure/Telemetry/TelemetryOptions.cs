namespace DigestPipeline.Azure.Telemetry;

/// <summary>Where the pipeline's traces and metrics go (section <c>Telemetry</c>); nowhere unless asked.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The setting Azure Functions and App Service give an app linked to Application Insights.</summary>
    public const string ApplicationInsightsKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Print spans and metrics to the console (<c>Telemetry__Console=true</c>).</summary>
    public bool Console { get; set; }

    /// <summary>Application Insights' connection string: traces, metrics and logs are exported there when set.</summary>
    public string? ApplicationInsightsConnectionString { get; set; }

    /// <summary>The service name on every span and metric; <c>OTEL_SERVICE_NAME</c> when set.</summary>
    public string ServiceName { get; set; } = "DigestPipeline";
}
