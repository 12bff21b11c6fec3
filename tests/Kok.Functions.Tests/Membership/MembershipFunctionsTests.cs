using System.Text;
using System.Web;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Http;
using Kok.Functions.Tests.Http;
using Kok.Functions.Membership;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Functions.Tests.Membership;

public class MembershipFunctionsTests
{
    private const string MemberId = "mem_abcdefghijklmnopqrst";
    private const string StaffToken = "staff-dev-token";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly WebsiteOptions Website = new(["https://www.kok.example"],
        new Uri("https://www.kok.example/danke"), new Uri("https://www.kok.example/abbruch"));

    private readonly FakeTimeProvider time = new(T0);
    private readonly Mock<IMemberRepository> members = new();
    private readonly Mock<IPaymentGateway> gateway = new();
    private readonly Mock<IMemberMailQueue> mails = new();
    private readonly MemberLinks links = new(new Uri("https://api.kok.example"), Encoding.UTF8.GetBytes(new string('s', 32)), TimeSpan.FromDays(60));
    private readonly Mock<IIdGenerator> ids = new();
    private readonly Mock<ISignUpLock> signUpLock = new();
    private readonly List<Member> saved = [];

    public MembershipFunctionsTests()
    {
        ids.Setup(i => i.NewId("mem")).Returns(MemberId);
        signUpLock.Setup(l => l.TryAcquireAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("lease-1");
        members.Setup(m => m.FindIdsByEmailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        members.Setup(m => m.TryAddAsync(It.IsAny<Member>(), It.IsAny<CancellationToken>()))
            .Callback<Member, CancellationToken>((m, _) => saved.Add(m)).ReturnsAsync(true);
        members.Setup(m => m.TrySaveAsync(It.IsAny<Member>(), It.IsAny<string>(), It.IsAny<IReadOnlyCollection<PaymentReference>>(), It.IsAny<CancellationToken>()))
            .Callback<Member, string, IReadOnlyCollection<PaymentReference>, CancellationToken>((m, _, _, _) => saved.Add(m)).ReturnsAsync(true);
        gateway.Setup(g => g.CreateMembershipCheckoutAsync(It.IsAny<MembershipCheckoutRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CheckoutSession("cs_1", new Uri("https://checkout.example/cs_1")));
    }

    private Hosted Functions() => new(
        new MembershipFunctions(
            new CreateMember(members.Object, gateway.Object, Mock.Of<IIdempotencyStore>(), signUpLock.Object, ids.Object, MembershipRules.Default, time),
            new GetMember(members.Object),
            new CancelMembership(members.Object, mails.Object, links, time)),
        new WorkerPipeline(new StaffAuthOptions(false, StaffToken, "staff"), Website, new RateLimitOptions(100, TimeSpan.FromMinutes(5), null), time));

    private const string ValidBody = """
        {"kind":"group","name":"Initiative <Nord> & Co","contactPerson":"Erika Mustermann","email":"erika@example.de",
         "address":{"street":"Heidestraße 17","postalCode":"51147","city":"Köln","country":"DE"},
         "annualAmount":60.00,"paymentMethod":"card","locale":"de","consents":{"privacy":true,"listPublicly":true}}
        """;

    [Fact]
    public async Task Sign_up_answers_201_with_member_id_and_checkout_url()
    {
        var result = Assert.IsType<JsonResult>(await Functions().Create(HttpRequests.Create(body: ValidBody), default));

        Assert.Equal(201, result.StatusCode);
        Assert.Equal(new MemberCreatedResponse(MemberId, "https://checkout.example/cs_1"), result.Value);
        var member = Assert.Single(saved);
        Assert.Equal(MemberKind.Group, member.Kind);
        Assert.True(member.Consent.ListPublicly);
        Assert.Equal(PrivacyNotice.CurrentVersion, member.Consent.PrivacyNoticeVersion);
    }

    [Fact]
    public async Task Invalid_fields_and_wrong_types_are_400_by_json_path()
    {
        var body = ValidBody.Replace("\"annualAmount\":60.00", "\"annualAmount\":\"60\"", StringComparison.Ordinal)
            .Replace("\"privacy\":true", "\"privacy\":false", StringComparison.Ordinal)
            .Replace("\"contactPerson\":\"Erika Mustermann\",", string.Empty, StringComparison.Ordinal);

        var result = Assert.IsType<ObjectResult>(await Functions().Create(HttpRequests.Create(body: body), default));

        Assert.Equal(400, result.StatusCode);
        var problem = Assert.IsType<ValidationProblemDetails>(result.Value);
        Assert.Equal(["annualAmount", "consents.privacy", "contactPerson"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(saved);
    }

    [Fact]
    public async Task Duplicate_is_409_with_advice_and_status()
    {
        var existing = Active();
        members.Setup(m => m.FindIdsByEmailAsync("erika@example.de", It.IsAny<CancellationToken>())).ReturnsAsync(["mem_zzzzzzzzzzzzzzzzzzzz"]);
        members.Setup(m => m.GetAsync("mem_zzzzzzzzzzzzzzzzzzzz", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VersionedMember(Member.FromSnapshot(existing.ToSnapshot() with { Id = "mem_zzzzzzzzzzzzzzzzzzzz" }), "1"));

        var sameName = ValidBody.Replace("Initiative <Nord> & Co", "Erika Mustermann", StringComparison.Ordinal);
        var result = Assert.IsType<ObjectResult>(await Functions().Create(HttpRequests.Create(body: sameName), default));

        Assert.Equal(409, result.StatusCode);
        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.Equal("active", problem.Extensions["existingStatus"]);
        Assert.Contains("no need to sign up again", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_guards_as_donations_apply()
    {
        var preflight = HttpRequests.Create(method: "OPTIONS");
        preflight.Headers.Origin = "https://www.kok.example";
        Assert.IsType<StatusCodeResult>(await Functions().Create(preflight, default));
        Assert.Equal("POST, OPTIONS", preflight.HttpContext.Response.Headers.AccessControlAllowMethods.ToString());

        var text = Assert.IsType<ObjectResult>(await Functions().Create(HttpRequests.Create(body: ValidBody, contentType: "text/plain"), default));
        Assert.Equal(415, text.StatusCode);

        var honeypot = ValidBody.Replace("\"locale\":\"de\"", "\"locale\":\"de\",\"website\":\"x\"", StringComparison.Ordinal);
        var bot = Assert.IsType<ObjectResult>(await Functions().Create(HttpRequests.Create(body: honeypot), default));
        Assert.Contains("website", Assert.IsType<ValidationProblemDetails>(bot.Value).Errors.Keys);
    }

    [Fact]
    public async Task Staff_read_needs_sign_in()
    {
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync(new VersionedMember(Active(), "1"));

        var anonymous = Assert.IsType<ObjectResult>(await Functions().Get(HttpRequests.Create("GET"), MemberId, default));
        Assert.Equal(401, anonymous.StatusCode);

        var request = HttpRequests.Create("GET");
        request.Headers.Authorization = "Bearer " + StaffToken;
        var view = Assert.IsType<MemberView>(Assert.IsType<JsonResult>(await Functions().Get(request, MemberId, default)).Value);
        Assert.Equal(MembershipStatus.Active, view.Status);
        Assert.Equal("Erika Mustermann", view.Name);
        Assert.Equal(2, view.StatusHistory.Count);
        Assert.Single(view.Payments);
    }

    [Fact]
    public async Task Cancellation_page_shows_the_membership_and_a_form_posting_back_with_the_token()
    {
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync(new VersionedMember(Active("<b>Anna</b>"), "1"));
        var token = Token();
        var request = HttpRequests.Create("GET");
        request.Path = $"/api/memberships/{MemberId}/cancel";
        request.QueryString = new QueryString("?token=" + token);

        var page = Assert.IsType<ContentResult>(await Functions().ShowCancellation(request, MemberId, default));

        Assert.Equal(200, page.StatusCode);
        Assert.Contains("&lt;b&gt;Anna&lt;/b&gt;", page.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Anna</b>", page.Content, StringComparison.Ordinal);
        Assert.Contains($"action=\"/api/memberships/{MemberId}/cancel?token={token}\"", page.Content, StringComparison.Ordinal);
        Assert.Contains("Fördermitgliedschaft kündigen", page.Content, StringComparison.Ordinal);
        Assert.Equal("no-referrer", request.HttpContext.Response.Headers["Referrer-Policy"].ToString());
    }

    [Fact]
    public async Task Posting_with_the_token_cancels_and_answers_json_or_html()
    {
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync(() => new VersionedMember(Active(), "1"));

        var json = CancelRequest(Token());
        json.Headers.Accept = "application/json";
        var answer = Assert.IsType<MemberCancelledResponse>(Assert.IsType<JsonResult>(await Functions().Cancel(json, MemberId, default)).Value);
        Assert.Equal(new MemberCancelledResponse(MemberId, MemberCancellation.WillEnd, MembershipStatus.Cancelling, new DateOnly(2027, 3, 1)), answer);

        var html = Assert.IsType<ContentResult>(await Functions().Cancel(CancelRequest(Token()), MemberId, default));
        Assert.Contains("endet mit Ablauf des 28.02.2027", html.Content, StringComparison.Ordinal);
        mails.Verify(q => q.EnqueueAsync(new MemberMailRequest(MemberMailKind.CancellationConfirmed, MemberId), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Tampered_token_is_403_and_touches_nothing()
    {
        var token = Token();
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        var html = Assert.IsType<ContentResult>(await Functions().Cancel(CancelRequest(tampered), MemberId, default));
        Assert.Equal(403, html.StatusCode);

        var json = CancelRequest(tampered);
        json.Headers.Accept = "application/json";
        Assert.Equal(403, Assert.IsType<ObjectResult>(await Functions().Cancel(json, MemberId, default)).StatusCode);

        members.Verify(m => m.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        mails.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Without_token_only_staff_may_cancel()
    {
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync(() => new VersionedMember(Active(), "1"));
        var anonymous = HttpRequests.Create("POST");

        Assert.Equal(401, Assert.IsType<ObjectResult>(await Functions().Cancel(anonymous, MemberId, default)).StatusCode);

        var staffRequest = HttpRequests.Create("POST");
        staffRequest.Headers.Authorization = "Bearer " + StaffToken;
        staffRequest.Headers.Accept = "application/json";
        var answer = Assert.IsType<MemberCancelledResponse>(Assert.IsType<JsonResult>(await Functions().Cancel(staffRequest, MemberId, default)).Value);
        Assert.Equal(MembershipStatus.Cancelling, answer.Status);
        Assert.Equal("staff:dev-token", saved.Single().CancelledBy);
    }

    [Fact]
    public async Task Cancellation_page_switches_language_by_link_keeping_the_token_and_the_choice()
    {
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync(() => new VersionedMember(Active(), "1"));
        var token = Token();
        var path = $"/api/memberships/{MemberId}/cancel";

        var german = await ShowAsync(token, lang: null);
        Assert.Contains("<html lang=\"de\">", german, StringComparison.Ordinal);
        Assert.Contains("<main>", german, StringComparison.Ordinal);
        Assert.Contains("Wenn Sie kündigen, endet Ihre Mitgliedschaft mit Ablauf des 28.02.2027", german, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}?token={token}&amp;lang=en\" lang=\"en\" hreflang=\"en\">English</a>", german, StringComparison.Ordinal);

        var english = await ShowAsync(token, lang: "en");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("If you cancel, your membership ends at the end of 28 February 2027", english, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}?token={token}&amp;lang=de\" lang=\"de\" hreflang=\"de\">Deutsch</a>", english, StringComparison.Ordinal);
        Assert.Contains($"action=\"{path}?token={token}&amp;lang=en\"", english, StringComparison.Ordinal);

        // The confirmation after posting from the English page is English too.
        var post = CancelRequest(token);
        post.Path = path;
        post.QueryString = new QueryString($"?token={token}&lang=en");
        var confirmation = Assert.IsType<ContentResult>(await Functions().Cancel(post, MemberId, default)).Content!;
        Assert.Contains("Cancellation received", confirmation, StringComparison.Ordinal);
        Assert.Contains("has been cancelled and ends at the end of 28 February 2027", confirmation, StringComparison.Ordinal);

        var rejected = await ShowAsync(token[..^2] + "xx", lang: "en");
        Assert.Contains("<html lang=\"en\">", rejected, StringComparison.Ordinal);
        Assert.Contains("This link is not valid.", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain("Dieser Link", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_page_wears_the_forms_stylesheet_allowed_by_its_hash_alone()
    {
        members.Setup(m => m.GetAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync(() => new VersionedMember(Active(), "1"));
        var request = HttpRequests.Create("GET", contentType: null);
        request.Path = $"/api/memberships/{MemberId}/cancel";
        request.QueryString = new QueryString("?token=" + Token());

        var page = Assert.IsType<ContentResult>(await Functions().ShowCancellation(request, MemberId, default)).Content!;

        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), "web", "forms.css"));
        Assert.Contains($"<style>{css}</style>", page, StringComparison.Ordinal);
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        var csp = request.HttpContext.Response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains($"style-src 'sha256-{hash}';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);
    }

    private async Task<string> ShowAsync(string token, string? lang)
    {
        var request = HttpRequests.Create("GET", contentType: null);
        request.Path = $"/api/memberships/{MemberId}/cancel";
        request.QueryString = new QueryString($"?token={token}" + (lang is null ? string.Empty : "&lang=" + lang));
        return Assert.IsType<ContentResult>(await Functions().ShowCancellation(request, MemberId, default)).Content!;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kok.Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Kok.Serverless.sln not found above the test binaries.");
    }

    private string Token() => HttpUtility.ParseQueryString(links.CancelUrl(MemberId, T0).Query)["token"]!;

    private static HttpRequest CancelRequest(string token)
    {
        var request = HttpRequests.Create("POST", contentType: "application/x-www-form-urlencoded");
        request.QueryString = new QueryString("?token=" + token);
        return request;
    }

    /// <summary>The functions as the hosts run them: inside the worker middleware (staff guard, public form, JSON body).</summary>
    private sealed class Hosted(MembershipFunctions functions, WorkerPipeline pipeline)
    {
        public Task<IActionResult> Create(HttpRequest request, CancellationToken cancellationToken) =>
            Run(request, nameof(MembershipFunctions.Create), () => functions.Create(request, cancellationToken));

        public Task<IActionResult> Get(HttpRequest request, string id, CancellationToken cancellationToken) =>
            Run(request, nameof(MembershipFunctions.Get), () => functions.Get(request, id, cancellationToken));

        public Task<IActionResult> ShowCancellation(HttpRequest request, string id, CancellationToken cancellationToken) =>
            Run(request, nameof(MembershipFunctions.ShowCancellation), () => functions.ShowCancellation(request, id, cancellationToken));

        public Task<IActionResult> Cancel(HttpRequest request, string id, CancellationToken cancellationToken) =>
            Run(request, nameof(MembershipFunctions.Cancel), () => functions.Cancel(request, id, cancellationToken));

        private Task<IActionResult> Run(HttpRequest request, string method, Func<Task<IActionResult>> function) =>
            pipeline.RunAsync(request, typeof(MembershipFunctions), method, function);
    }

    private static Member Active(string name = "Erika Mustermann")
    {
        var member = Member.Create(
            MemberId,
            new MembershipRequest(MemberKind.Person, name, null, "erika@example.de",
                new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"), 6000, PaymentMethodKind.Card, "de", false),
            T0);
        member.AttachCheckout(new CheckoutSession("cs_1", new Uri("https://checkout.example/cs_1")));
        member.Apply(new CheckoutCompleted("evt_1", T0, new Dictionary<string, string>(), "cs_1", MemberId, true, false, "pi_1", null, "cus_1", 6000));
        return member;
    }
}
