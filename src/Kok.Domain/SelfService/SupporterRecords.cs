using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Membership;

namespace Kok.Domain.SelfService;

/// <summary>What one supporter gave: all donations and memberships under their e-mail address, newest first.</summary>
public sealed record SupporterRecords(IReadOnlyList<Donation> Donations, IReadOnlyList<Member> Members)
{
    public static SupporterRecords None { get; } = new([], []);

    public bool IsEmpty => Donations.Count == 0 && Members.Count == 0;

    /// <summary>The language to write in: a membership's choice first (the longer relation), else the newest donation's.</summary>
    public MailLanguage Language =>
        MailLanguageCode.Parse(Members.Select(m => m.Locale).Concat(Donations.Select(d => d.Locale)).FirstOrDefault());

    /// <summary>Where mails go and how the supporter is addressed; null when <see cref="IsEmpty"/>.</summary>
    public MailRecipient? Recipient =>
        Members.Select(m => new MailRecipient(m.Email, m.Salutation))
            .Concat(Donations.Select(d => new MailRecipient(d.Donor.Email, d.Donor.Name)))
            .FirstOrDefault();
}
