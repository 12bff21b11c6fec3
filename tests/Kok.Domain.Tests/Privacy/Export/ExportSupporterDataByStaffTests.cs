using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Mail;
using Kok.Domain.Privacy;
using Kok.Domain.Privacy.Export;
using Kok.Domain.Receipts;
using Kok.Domain.SelfService;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Privacy.Export;

/// <summary>
/// Staff's copy of a supporter's data: found from the address's key alone, holding the membership with its consent,
/// the audit entries about it and the objection status; audited as <c>privacy.export</c> with counts and never the
/// address; a bad address is refused naming <c>email</c> before anything is read or recorded.
/// </summary>
public sealed class ExportSupporterDataByStaffTests
{
    private readonly FakeTimeProvider clock = new(T0.AddDays(10));
    private readonly Mock<ISupporterDirectory> directory = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly Mock<IMailObjectionKeys> keys = new();
    private readonly Mock<IMailObjectionList> objections = new();
    private readonly Mock<ISupporterMailLog> mails = new();
    private readonly Mock<ISupporterBankEntries> bank = new();
    private readonly Mock<IPersonalDataInventory> inventory = new();
    private readonly Mock<IIdGenerator> ids = new();
    private readonly List<AuditEntry> recorded = [];

    public ExportSupporterDataByStaffTests()
    {
        directory.Setup(d => d.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SupporterRecords.None);
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, CancellationToken>((e, _) => recorded.Add(e)).Returns(Task.CompletedTask);
        audit.Setup(a => a.ListAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        keys.Setup(k => k.KeyOf(It.IsAny<string>())).Returns(MailObjectionKey.From(new string('E', MailObjectionKey.Length)));
        mails.Setup(m => m.ListAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<IReadOnlyCollection<MailLogKey>>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        bank.Setup(b => b.ListAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        inventory.Setup(i => i.Describe()).Returns([new StoredDataDescription("Members", ["name"], "the membership", "pseudonymise", "Memberships", null)]);
        ids.Setup(i => i.NewId(It.IsAny<string>())).Returns("aud_aaaaaaaaaaaaaaaaaaaa");
    }

    [Fact]
    public async Task The_copy_holds_the_membership_its_consent_the_audit_about_it_and_the_objection_and_is_audited_without_the_address()
    {
        var member = NewMember();
        directory.Setup(d => d.FindAsync(SupporterKey.Of(member.Email), It.IsAny<CancellationToken>())).ReturnsAsync(new SupporterRecords([], [member]));
        audit.Setup(a => a.ListAsync(member.Id, It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new AuditEntry("aud_1", member.Id, "member.reminded", "staff-1", "Sabine", T0.AddDays(2))]);
        objections.Setup(o => o.ContainsAsync(It.IsAny<MailObjectionKey>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var (errors, export) = await UseCase().ExecuteAsync("  " + member.Email.ToUpperInvariant() + " ", [], "staff-2", "Petra", default);

        Assert.Null(errors);
        Assert.NotNull(export);
        Assert.Equal(member.Id, Assert.Single(export.Memberships).MemberId);
        var consent = Assert.Single(export.Consents);
        Assert.Equal((member.Id, member.Consent.PrivacyNoticeVersion, member.Consent.ConsentedAt), (consent.Concerning, consent.PrivacyNoticeVersion, consent.At));
        Assert.Equal(("member.reminded", "Sabine"), (Assert.Single(export.AuditEntries).Action, export.AuditEntries[0].By));
        Assert.True(export.ObjectedToMail);
        Assert.Single(export.Stores);
        Assert.Equal(clock.GetUtcNow(), export.CreatedAt);

        var entry = Assert.Single(recorded);
        Assert.Equal((AuditEntry.Global, ExportSupporterDataByStaff.AuditAction, "staff-2", "Petra", "entities=1"),
            (entry.Subject, entry.Action, entry.StaffId, entry.StaffName, entry.Details));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-address")]
    [InlineData("a@b")]
    public async Task A_bad_address_names_email_and_nothing_is_read_or_recorded(string? email)
    {
        var (errors, export) = await UseCase().ExecuteAsync(email, [], "staff-2", "Petra", default);

        Assert.True(errors!.Contains("email"));
        Assert.Null(export);
        directory.Verify(d => d.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(recorded);
    }

    [Fact]
    public async Task An_email_of_the_wrong_type_names_email()
    {
        var (errors, _) = await UseCase().ExecuteAsync(null, ["email"], "staff-2", "Petra", default);

        Assert.True(errors!.Contains("email"));
        Assert.Empty(recorded);
    }

    private ExportSupporterDataByStaff UseCase()
    {
        var register = new Mock<IReceiptRegister>();
        var archive = new Mock<IReceiptArchive>();
        var receipts = new SupporterReceipts(register.Object, new ReceiptFiles(archive.Object, Mock.Of<IReceiptRenderer>(), OrganisationProfile.KokDefaults));
        var exporter = new SupporterDataExporter(
            directory.Object, receipts, archive.Object, mails.Object, audit.Object,
            new MailObjections(keys.Object, objections.Object, new MailObjectionLinks(new Uri("https://kok.example/"))),
            bank.Object, Mock.Of<Kok.Domain.Privacy.ErasureRequests.IErasureRequestStore>(), inventory.Object, clock);
        return new ExportSupporterDataByStaff(exporter, new StaffActionRecorder(audit.Object, ids.Object, clock));
    }
}
