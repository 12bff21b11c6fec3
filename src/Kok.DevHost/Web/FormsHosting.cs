using Microsoft.Extensions.FileProviders;

namespace Kok.DevHost.Web;

/// <summary>
/// Serves the website forms from <c>web/</c> (copied into DevHost's output as <c>wwwroot</c>) at <c>/</c>, so
/// <c>./run.sh</c> lets a person donate end to end. In production the KOK website hosts these files itself.
/// </summary>
public static class FormsHosting
{
    public static WebApplication UseKokForms(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
