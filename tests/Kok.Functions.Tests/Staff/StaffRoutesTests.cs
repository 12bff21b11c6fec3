using System.Reflection;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Tests.Staff;

/// <summary>
/// Which HTTP functions are staff only is decided in code once per function, and a new function cannot slip by:
/// under a staff route prefix it must carry the mark (the guard applies there even without it), and anywhere else it is
/// either marked or named below as public on purpose.
/// </summary>
public class StaffRoutesTests
{
    /// <summary>The routes open to the public, each for a reason; a new one must be added here deliberately.</summary>
    private static readonly string[] PublicFunctions =
    [
        "CreateDonation", // the website's donation form
        "CreateMembership", // the website's membership form
        "ShowMembershipCancellation", // the member's signed link (token checked by the use case)
        "PayDues", // the member's signed link from a dues mail
        "PaymentMethodPage", // how to give a new payment method: the same text for everyone, linked from mails
        "StripeWebhook", // Stripe, signed
        "MeinKokPage", // "Mein KOK": the page, the same for everyone (its data comes from api/me)
        "RequestSignInLink", // "Mein KOK": mails a sign-in link, the same answer for any address
        "ShowSignIn", // "Mein KOK": the mailed sign-in link's page (token checked by the use case)
        "SignIn", // "Mein KOK": its form, which spends the token
        "SignOut", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterOverview", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterCancelMembership", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterReceiptPdf", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterChangeDonationAmount", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterPauseDonation", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterCancelDonation", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterChangeMembershipAmount", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterChangeDonationPaymentMethod", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterChangeMembershipPaymentMethod", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterChangeAddress", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterRequestErasure", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterErasureRequest", // "Mein KOK": under api/me, so the supporter guard requires the session
        "SupporterDataExport", // "Mein KOK": the copy of one's data, under api/me, so the supporter guard requires the session
        "SupporterDataPage", // "Mein KOK": the same copy as a page, under api/me, so the supporter guard requires the session
        "ShowUnsubscribe", // an optional mail's unsubscribe link: the page, recording nothing
        "Unsubscribe", // its form and the mail program's one-click post (the keyed hash in the link is the right to do it)
        "Health", // monitoring, no data
    ];

    private static readonly MethodInfo[] HttpFunctions = typeof(KokWorkerMiddleware).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null
                    && m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
        .ToArray();

    [Fact]
    public void Every_function_under_a_staff_route_prefix_is_marked_staff_only()
    {
        var underPrefix = HttpFunctions.Where(m => HttpEndpoint.IsUnderStaffPrefix(HttpEndpoint.Of(m).Route)).ToArray();

        Assert.NotEmpty(underPrefix);
        Assert.All(underPrefix, m => Assert.True(HttpEndpoint.Of(m).IsMarkedStaffOnly, $"{Name(m)} ({HttpEndpoint.Of(m).Route}) lacks [StaffOnly]."));
    }

    [Fact]
    public void Every_HTTP_function_is_staff_only_or_public_on_purpose()
    {
        var open = HttpFunctions.Where(m => HttpEndpoint.Of(m).Staff is null).Select(Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(PublicFunctions.Order(StringComparer.Ordinal), open);
    }

    [Fact]
    public void The_staff_routes_outside_the_dashboard_are_marked_and_the_cancel_route_leaves_the_members_link_to_its_token()
    {
        Assert.NotNull(Endpoint("GetDonation").Staff);
        Assert.NotNull(Endpoint("GetMembership").Staff);
        Assert.Equal("token", Endpoint("CancelMembership").Staff!.UnlessQuery);
        Assert.Null(Endpoint("GetDashboardMember").Staff!.UnlessQuery);
    }

    [Theory]
    [InlineData("api/dashboard", true)]
    [InlineData("api/dashboard/members/{id}", true)]
    [InlineData("API/Dashboard/x", true)]
    [InlineData("/dashboard/", true)]
    [InlineData("dashboard/assets/{name}", true)]
    [InlineData("dashboards", false)]
    [InlineData("api/dashboardx/y", false)]
    [InlineData("api/donations/{id}", false)]
    public void The_staff_prefixes_cover_whole_path_segments(string route, bool staff)
    {
        Assert.Equal(staff, HttpEndpoint.IsUnderStaffPrefix(route));
    }

    [Fact]
    public void A_function_under_a_staff_prefix_without_the_mark_is_guarded_all_the_same()
    {
        var endpoint = HttpEndpoint.Of(typeof(Unmarked).GetMethod(nameof(Unmarked.Run))!);

        Assert.NotNull(endpoint.Staff);
        Assert.False(endpoint.IsMarkedStaffOnly);
    }

    [Fact]
    public void Asking_for_the_staff_member_where_the_guard_did_not_run_fails_instead_of_acting_for_nobody()
    {
        Assert.Throws<InvalidOperationException>(() => StaffIdentity.Of(HttpRequests.Create("GET")));
    }

    private static HttpEndpoint Endpoint(string function) =>
        HttpEndpoint.Of(HttpFunctions.Single(m => Name(m) == function));

    private static string Name(MethodInfo method) => method.GetCustomAttribute<FunctionAttribute>()!.Name;

    private static class Unmarked
    {
        [Function("Unmarked")]
        public static OkResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/new-thing")] HttpRequest request) =>
            new OkResult();
    }
}
