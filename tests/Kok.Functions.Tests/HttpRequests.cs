using System.Text;
using Microsoft.AspNetCore.Http;

namespace Kok.Functions.Tests;

internal static class HttpRequests
{
    public static HttpRequest Create(string method = "POST", string? body = null, string? contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.7");
        if (contentType is not null)
        {
            context.Request.ContentType = contentType;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }
}
