using Kok.Domain.Mail;
using Kok.Domain.Receipts;
using Kok.Functions.Membership;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.PublicPages;

/// <summary>
/// <c>GET /payment-method</c> (<c>?lang=de|en</c>, German unless English is asked for): the public page the mails
/// about failed monthly payments link to, <see cref="PaymentMethodPage"/>. No login, no token, nothing personal.
/// </summary>
public sealed class PaymentMethodPageFunction(OrganisationProfile organisation)
{
    [Function("PaymentMethodPage")]
    public IActionResult Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PublicPageLinks.PaymentMethodPath)] HttpRequest request) =>
        MemberPage.Html(request, StatusCodes.Status200OK, PaymentMethodPage.Html(MemberPageContext.From(request), organisation));
}
