using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BatchSync.Aws.Fake;

/// <summary>Hosts a fake's request handler on a free loopback port, quietly: every HTTP fake of the tests starts this way.</summary>
public static class LoopbackWebServer
{
    /// <summary>
    /// Builds the app, creates the fake around it (the fake disposes the app), serves every request with
    /// <paramref name="handler"/> and starts; returns the fake and the root address it answers on (no trailing slash).
    /// </summary>
    public static async Task<(T Fake, string Root)> StartAsync<T>(Func<WebApplication, T> create, Func<T, RequestDelegate> handler)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(handler);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = create(app);
        app.Run(handler(fake));
        await app.StartAsync();
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return (fake, root);
    }
}
