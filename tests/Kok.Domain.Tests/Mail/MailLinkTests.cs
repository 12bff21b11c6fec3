using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Kok.Domain.Dues;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Dues;
using Kok.Domain.Tests.Membership;
using Kok.Domain.Tests.Receipts;
using Microsoft.Extensions.Time.Testing;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Mail;

/// <summary>
/// Every mail kind (<see cref="MailKind"/>, each value, so a new kind fails here until it is added), in German and
/// English, as its composer writes it for a supporter whose name is markup: every link is the full URL in the text
/// part and a clickable link showing that URL in the HTML part, no URL stands bare in the HTML, and the name is
/// HTML-encoded there and literal in the text.
/// </summary>
public partial class MailLinkTests
{
    private const string HostileName = "Erika <b>\"Co\"</b> & Söhne";
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46];
    private static readonly MailRecipient Donor = new("max@example.org", HostileName);
    private static readonly Uri MeinKokPage = new("https://spenden.example.org/mein-kok?lang=de");

    public static TheoryData<MailKind, string> Kinds()
    {
        var data = new TheoryData<MailKind, string>();
        foreach (var kind in Enum.GetValues<MailKind>())
        {
            data.Add(kind, "de");
            data.Add(kind, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_link_is_the_full_url_in_text_and_a_clickable_link_in_html_and_names_are_encoded(MailKind kind, string locale)
    {
        var mails = await MailsOfAsync(kind, locale);

        Assert.NotEmpty(mails);
        foreach (var (mail, expectedLinks) in mails)
        {
            var urls = Url().Matches(mail.Text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(expectedLinks, urls.Count);
            foreach (var url in urls)
            {
                Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.AbsoluteUri == url, $"{kind}: {url} is not a whole URL");
                var encoded = Encoder.Encode(url);
                Assert.Matches($"<a href=\"{Regex.Escape(encoded)}\"[^>]*>{Regex.Escape(encoded)}</a>", mail.Html);

                // Each time the text names the URL, the HTML has it twice: as the link's target and as its text.
                Assert.Equal(2 * Count(mail.Text, url), Count(mail.Html, encoded));
            }

            Assert.DoesNotMatch(BareUrlInHtml(), mail.Html);
            Assert.Contains(HostileName, mail.Text, StringComparison.Ordinal);
            Assert.Contains(Encoder.Encode(HostileName), mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", mail.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_absolute_web_links_become_links()
    {
        var body = new MailBodyBuilder(MailLanguage.German);

        Assert.Throws<ArgumentException>(() => body.Paragraph("Hier:", new Uri("javascript:alert(1)")));
        Assert.Throws<ArgumentException>(() => body.Paragraph("Hier:", new Uri("/relative", UriKind.Relative)));
    }

    /// <summary>Each mail of <paramref name="kind"/> the composers write, with the number of distinct links it must carry.</summary>
    private static async Task<IReadOnlyList<(MailMessage Mail, int Links)>> MailsOfAsync(MailKind kind, string locale)
    {
        var language = MailLanguageCode.Parse(locale);
        var receipts = new ReceiptMailComposer(ReceiptTestData.ConfiguredOrganisation);
        var members = new MemberMailComposer(Organisation);
        var dues = Composer();
        var problems = new PaymentProblemMailComposer(ReceiptTestData.ConfiguredOrganisation, new PublicPageLinks(new Uri("https://spenden.example.org/")));
        return kind switch
        {
            MailKind.DonationThankYou =>
            [
                (receipts.OneTimeDonationThankYou(Donor, language, 2550, new DateOnly(2026, 3, 2)), 0),
                (receipts.OneTimeDonationThankYou(Donor, language, 50000, new DateOnly(2026, 3, 2)), 0),
                (receipts.OneTimeDonationThankYou(Donor, language, new RenderedReceipt(ReceiptTestData.Receipt(), Pdf)), 0),
            ],
            MailKind.MonthlyDonationThankYou => [(receipts.MonthlyDonationThankYou(Donor, language, 1000, new DateOnly(2026, 3, 2)), 0)],
            MailKind.MembershipFeeReceipt =>
                [(receipts.MembershipFeeReceived(Donor, language, new RenderedReceipt(ReceiptTestData.Receipt(kind: ReceiptKind.MembershipFee), Pdf)), 0)],
            MailKind.ReceiptWithdrawn =>
            [
                (receipts.ReceiptWithdrawn(Donor, language, ReceiptTestData.Receipt().Withdraw(new DateOnly(2026, 4, 1))), 0),
                (receipts.ReceiptWithdrawn(Donor, language, ReceiptTestData.Receipt().Withdraw(new DateOnly(2026, 4, 1)), takenBackByBank: true), 0),
            ],
            MailKind.MonthlyPaymentFailed => [(problems.MonthlyPaymentFailed(Donor, language, 1000, "expired_card"), 1)],
            MailKind.MonthlyDonationEnded => [(problems.MonthlyDonationEnded(Donor, language), 1)],
            MailKind.AnnualReceipt => [(receipts.AnnualReceipt(Donor, language, new RenderedReceipt(AnnualReceipt(), Pdf)), 0)],
            MailKind.ReceiptCorrected =>
            [
                (receipts.ReceiptCorrected(Donor, language, AnnualReceipt().Withdraw(new DateOnly(2027, 2, 1)), new RenderedReceipt(AnnualReceipt("2027-000002"), Pdf)), 0),
                (receipts.ReceiptCorrected(Donor, language, ReceiptTestData.Receipt().Withdraw(new DateOnly(2026, 4, 1)), null), 0),
            ],
            MailKind.MemberWelcome => [(members.Welcome(Hostile(ActiveMember(locale: locale)), CancelLink), 1)],
            MailKind.MemberCancellationConfirmed => [(members.CancellationConfirmed(CancelledMember(locale), CancelLink), 1)],
            MailKind.MemberFirstPaymentFailed => [(members.FirstPaymentFailed(FailedSignUp(locale), CancelLink), 1)],
            MailKind.DuesPreNotification =>
            [
                (dues.PreNotification(Hostile(PreNotified(PaymentMethodKind.SepaDebit, locale)), CancelLink), 1),
                (dues.PreNotification(Hostile(PreNotified(PaymentMethodKind.Card, locale)), CancelLink), 1),
            ],
            MailKind.DuesChargeFailed => [(dues.ChargeFailed(Hostile(Overdue(locale: locale)), Period, PayLink, CancelLink), 2)],
            MailKind.DuesReminder =>
            [
                (dues.Reminder(Hostile(Reminded(1, locale: locale)), Period, 1, PayLink, CancelLink), 2),
                (dues.Reminder(Hostile(Reminded(2, locale: locale)), Period, 2, PayLink, CancelLink), 2),
            ],
            MailKind.DuesLapsed => [(dues.Lapsed(Hostile(Lapsed(locale: locale)), PayLink, CancelLink), 2)],
            MailKind.DuesStaffReminder =>
            [
                (await StaffReminderAsync(Hostile(Reminded(1, locale: locale)), dues), 2),
                (await StaffReminderAsync(Hostile(Lapsed(locale: locale)), dues), 2),
            ],
            MailKind.TransferInstructions =>
            [
                (new Kok.Domain.BankTransfers.TransferMailComposer(ReceiptTestData.ConfiguredOrganisation).Instructions(
                    Donor, language, Kok.Domain.BankTransfers.BankAccount.From("KOK e.V.", "DE02120300000000202051", "BYLADEM1001", "Beispielbank")!, 2550,
                    Kok.Domain.BankTransfers.ReferenceCode.Derive("don_x", "transfer")), 0),
            ],
            MailKind.TransferReminder =>
            [
                (new Kok.Domain.BankTransfers.TransferMailComposer(ReceiptTestData.ConfiguredOrganisation).Reminder(
                    Donor, language, Kok.Domain.BankTransfers.BankAccount.From("KOK e.V.", "DE02120300000000202051", "BYLADEM1001", "Beispielbank")!, 2550,
                    Kok.Domain.BankTransfers.ReferenceCode.Derive("don_x", "transfer")), 0),
            ],
            MailKind.MonthlyDonationChanged =>
            [
                (Kok.Domain.SelfService.MonthlyDonationChangeMail.Compose(Donor, language, MeinKokPage, new(Kok.Domain.SelfService.MonthlyDonationChangeKind.Amount, 3000)), 1),
                (Kok.Domain.SelfService.MonthlyDonationChangeMail.Compose(Donor, language, MeinKokPage, new(Kok.Domain.SelfService.MonthlyDonationChangeKind.Pause, PauseUntil: new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero))), 1),
                (Kok.Domain.SelfService.MonthlyDonationChangeMail.Compose(Donor, language, MeinKokPage, new(Kok.Domain.SelfService.MonthlyDonationChangeKind.Cancel)), 1),
            ],
            MailKind.MemberTransferInstructions =>
                [(new DuesTransferMailComposer(Organisation).Instructions(Hostile(TransferMember(locale)), TransferAccount, CancelLink), 1)],
            MailKind.DuesTransferRequest =>
                [(new DuesTransferMailComposer(Organisation).DuesRequest(Hostile(TransferMember(locale)), Period, Period.Start, TransferAccount, CancelLink), 1)],
            MailKind.MembershipAmountChanged =>
            [
                (Kok.Domain.SelfService.ChangeOwnMembershipAmount.Compose(Donor, language, MeinKokPage, 8000, new DateOnly(2027, 3, 1)), 1),
                (Kok.Domain.SelfService.ChangeOwnMembershipAmount.Compose(Donor, language, MeinKokPage, 8000, null), 1),
            ],
            MailKind.PaymentMethodChanged =>
            [
                (Kok.Domain.SelfService.PaymentMethodChangeMail.Compose(
                    Donor, language, MeinKokPage, new Kok.Domain.Payments.SavedPaymentMethod("pm_1", Kok.Domain.Payments.PaymentMethodKind.SepaDebit, "3000", "mandate_1", "cus_1"), membership: true), 1),
                (Kok.Domain.SelfService.PaymentMethodChangeMail.Compose(
                    Donor, language, MeinKokPage, new Kok.Domain.Payments.SavedPaymentMethod("pm_2", Kok.Domain.Payments.PaymentMethodKind.Card, "4242", null, "cus_1"), membership: false), 1),
            ],
            MailKind.AddressChanged =>
            [
                (Kok.Domain.SelfService.ChangeOwnAddress.Compose(Donor, language, MeinKokPage, new Kok.Domain.Common.PostalAddress("Neue Str. 2", "10115", "Berlin", "DE"), true), 1),
                (Kok.Domain.SelfService.ChangeOwnAddress.Compose(Donor, language, MeinKokPage, new Kok.Domain.Common.PostalAddress("Neue Str. 2", "10115", "Berlin", "DE"), null), 1),
            ],
            MailKind.ErasureRequested =>
                [(Kok.Domain.SelfService.RequestOwnErasure.Compose(Donor, language, MeinKokPage, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)), 1)],
            _ => throw new InvalidOperationException($"Add the mails of {kind} to this test."),
        };
    }

    /// <summary>The staff reminder as the queue consumer builds it, with the links it makes itself.</summary>
    private static async Task<MailMessage> StaffReminderAsync(Member member, DuesMailComposer composer)
    {
        var repository = new InMemoryMemberRepository();
        await repository.TryAddAsync(member, default);
        var compose = new ComposeDuesMail(repository, composer, Links(), new FakeTimeProvider(LapsedAt.AddDays(1)));
        var prepared = await compose.ExecuteAsync(MemberMailRequest.StaffReminder(member.Id, DueDate, "aud_1"), default);
        return Assert.IsType<MailMessage>(prepared?.Message);
    }

    private static Member CancelledMember(string locale)
    {
        var member = Hostile(ActiveMember(locale: locale));
        member.Cancel(T0.AddDays(10), Member.CancelledByMember);
        return member;
    }

    private static Member FailedSignUp(string locale)
    {
        var member = NewMember(locale: locale);
        member.Apply(Completed("evt_1", paid: false));
        member.Apply(Failed("evt_2"));
        return Hostile(member);
    }

    private static ReceiptDocument AnnualReceipt(string number = "2027-000001") =>
        new AnnualReceiptIssueRequest(
            AnnualReceiptSubject.CalendarYear(new ReceiptDonorKey("d1"), 2026),
            new ReceiptDonor(HostileName, ["Kurfürstenstraße 33", "10785 Berlin"]),
            [
                new AnnualReceiptPayment(ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, "don_a", "pay_1"), new DateOnly(2026, 1, 5), ReceiptKind.Donation, 1000),
                new AnnualReceiptPayment(ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, "don_a", "pay_2"), new DateOnly(2026, 2, 5), ReceiptKind.Donation, 1000),
            ],
            new DateOnly(2027, 1, 10),
            ReceiptTestData.ConfiguredOrganisation).ToDocument(number);

    private static Kok.Domain.BankTransfers.BankAccount TransferAccount { get; } =
        Kok.Domain.BankTransfers.BankAccount.From("KOK e.V.", "DE02120300000000202051", "BYLADEM1001", "Beispielbank")!;

    private static Member TransferMember(string locale) => Member.Create(MemberId, Request(method: PaymentMethodKind.BankTransfer, locale: locale), T0);

    private static Member Hostile(Member member) => Member.FromSnapshot(member.ToSnapshot() with { Name = HostileName });

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    /// <summary>A URL that is neither a link's target nor its text.</summary>
    [GeneratedRegex(@"(?<!href="")(?<!"">)https?://")]
    private static partial Regex BareUrlInHtml();
}
