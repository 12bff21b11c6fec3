using Kok.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Http;

/// <summary>
/// Successful JSON answers, serialised with <see cref="KokJson"/> whatever the host's MVC defaults, so enums read
/// "paid" rather than 2 under the Functions host and DevHost alike.
/// </summary>
public static class ApiResults
{
    public static JsonResult Ok(object value) => new(value, KokJson.Options) { StatusCode = StatusCodes.Status200OK };

    public static JsonResult Created(object value) => new(value, KokJson.Options) { StatusCode = StatusCodes.Status201Created };
}
