using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Kok.DevHost.Stripe;

/// <summary>The stand-in's hosted checkout page: shows what the supporter would pay and lets a tester pick the outcome.</summary>
internal static class StripeCheckoutPage
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Render(
        (StandInSession Session, string Status, string PaymentStatus, string? PaymentIntentId, string? PaymentIntentStatus) view, string? notice)
    {
        static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

        var (s, status, paymentStatus, paymentIntentId, paymentIntentStatus) = view;
        var amount = (s.AmountCents / 100m).ToString("N2", German) + " " + s.Currency.ToUpperInvariant();
        var interval = s.IsSetup ? "Einrichtung ohne Zahlung / setup, nothing is charged"
            : s.RecurringInterval is null ? "einmalig / one-time" : "monatlich / monthly";
        var methods = string.Join(", ", s.PaymentMethodTypes.Select(MethodName));
        var action = $"/dev/stripe/checkout/{E(s.Id)}/complete";

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Testkasse / Test checkout – {E(s.ProductName)}</title>
            <style>
            body {"{"} font-family: system-ui, sans-serif; max-width: 34rem; margin: 2rem auto; padding: 0 1rem; color: #222; {"}"}
            .note {"{"} background: #fff4d6; border: 1px solid #e0c060; padding: .5rem .75rem; font-size: .9rem; {"}"}
            .error {"{"} background: #fde2e2; border: 1px solid #d66; padding: .5rem .75rem; {"}"}
            dl {"{"} display: grid; grid-template-columns: auto 1fr; gap: .3rem 1rem; {"}"}
            dt {"{"} font-weight: 600; {"}"}
            button {"{"} display: block; width: 100%; margin: .5rem 0; padding: .7rem; font-size: 1rem; cursor: pointer; {"}"}
            </style>
            </head>
            <body>
            <p class="note">Stripe-Testkasse des DevHost – es fließt kein Geld. / DevHost Stripe stand-in – no money moves.</p>
            <h1>{E(s.ProductName)}</h1>
            <dl>
            <dt>Betrag / Amount</dt><dd id="amount">{E(amount)}</dd>
            <dt>Rhythmus / Interval</dt><dd id="interval">{E(interval)}</dd>
            <dt>Zahlungsart / Method</dt><dd id="methods">{E(methods)}</dd>
            <dt>E-Mail</dt><dd>{E(s.CustomerEmail)}</dd>
            <dt>Status</dt><dd id="status">{E(status)} / {E(paymentStatus)}</dd>
            </dl>
            """);

        if (notice is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{E(notice)}</p>\n");
        }

        if (status == "open")
        {
            html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{action}\">\n");
            if (s.PaymentMethodTypes.Count > 1)
            {
                html.Append("<p><label>Zahlungsart / Method <select name=\"paymentMethod\">");
                foreach (var method in s.PaymentMethodTypes)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(method)}\">{E(MethodName(method))}</option>");
                }

                html.Append("</select></label></p>\n");
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"paymentMethod\" value=\"{E(s.PaymentMethodTypes[0])}\">\n");
            }

            if (s.IsSetup)
            {
                // A setup saves the method (a SEPA mandate is accepted at once); only a card can be declined here.
                html.Append("""
                    <button name="outcome" value="succeeded">Zahlungsart einrichten / Set up payment method</button>
                    <button name="outcome" value="failed">Karte abgelehnt (nur Karte) / Card declined (card only)</button>

                    """);
            }
            else
            {
                html.Append("""
                    <button name="outcome" value="succeeded">Zahlung erfolgreich / Payment succeeds</button>
                    <button name="outcome" value="failed">Zahlung schlägt fehl / Payment fails</button>

                    """);
                if (s.PaymentMethodTypes.Contains("sepa_debit"))
                {
                    var only = s.PaymentMethodTypes.Count > 1 ? " (nur SEPA / SEPA only)" : string.Empty;
                    html.Append(CultureInfo.InvariantCulture, $"<button name=\"outcome\" value=\"processing\">SEPA-Lastschrift in Bearbeitung / SEPA debit processing{only}</button>\n");
                }
            }

            html.Append("<button name=\"outcome\" value=\"canceled\">Zurück zur Website / Back to website</button>\n</form>\n");
        }
        else
        {
            if (paymentIntentId is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <h2>Zahlung / Payment</h2>
                    <dl><dt>PaymentIntent</dt><dd id="payment-intent"><code>{E(paymentIntentId)}</code> ({E(paymentIntentStatus)})</dd></dl>

                    """);
            }

            // A SEPA debit stays processing until the bank answers: the tester plays the bank here (or posts to the
            // settle endpoint with the id shown above).
            if (paymentIntentStatus == "processing")
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <form method="post" action="/dev/stripe/payments/{E(paymentIntentId)}/settle">
                    <button name="outcome" value="succeeded">Lastschrift eingelöst / Debit settles</button>
                    <button name="outcome" value="failed">Lastschrift zurückgegeben / Debit bounces</button>
                    </form>

                    """);
            }

            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(s.ResolvedSuccessUrl)}\">Weiter / Continue</a></p>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string MethodName(string method) => method switch
    {
        "card" => "Karte / Card",
        "sepa_debit" => "SEPA-Lastschrift / SEPA Direct Debit",
        _ => method,
    };
}
