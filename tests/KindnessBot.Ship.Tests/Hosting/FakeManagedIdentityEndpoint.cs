using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace KindnessBot.Ship.Tests.Hosting;

/// <summary>
/// Stands in for App Service's managed identity endpoint: the process is given IDENTITY_ENDPOINT and IDENTITY_HEADER
/// (as App Service gives them), and every token request is recorded and answered with a fake token. Environment
/// variables are process-wide, so the tests that use this run alone (see <see cref="Collection"/>).
/// </summary>
public sealed class FakeManagedIdentityEndpoint : IDisposable
{
    public const string Collection = "Fake managed identity endpoint";
    public const string Token = "fake-managed-identity-token";
    private const string Secret = "fake-identity-header";

    // Whatever could make Azure.Identity or MSAL use another credential or identity source instead.
    private static readonly string[] Cleared =
    [
        "AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_USERNAME",
        "AZURE_FEDERATED_TOKEN_FILE", "AZURE_TOKEN_CREDENTIALS", "MSI_ENDPOINT", "MSI_SECRET", "IDENTITY_SERVER_THUMBPRINT",
        "IMDS_ENDPOINT", "AZURE_POD_IDENTITY_AUTHORITY_HOST",
    ];

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, string?> _saved = [];
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private readonly Task _serving;

    public FakeManagedIdentityEndpoint()
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);

        foreach (var name in Cleared.Append("IDENTITY_ENDPOINT").Append("IDENTITY_HEADER"))
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", $"http://127.0.0.1:{port}/msi/token");
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", Secret);
    }

    public sealed record TokenRequest(string? Resource, string? ClientId, bool HadSecret);

    public IReadOnlyList<TokenRequest> Requests => [.. _requests];

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync: that is how serving ends.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var query = context.Request.QueryString;
            var hadSecret = context.Request.Headers["X-IDENTITY-HEADER"] == Secret;
            _requests.Enqueue(new TokenRequest(query["resource"], query["client_id"], hadSecret));
            context.Response.StatusCode = hadSecret ? 200 : 401;
            context.Response.ContentType = "application/json";
            var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
            {
                ["access_token"] = Token,
                ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = query["resource"],
                ["token_type"] = "Bearer",
                ["client_id"] = query["client_id"],
            });
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

[CollectionDefinition(FakeManagedIdentityEndpoint.Collection, DisableParallelization = true)]
public sealed class FakeManagedIdentityEndpointTests : ICollectionFixture<FakeManagedIdentityEndpoint>;
