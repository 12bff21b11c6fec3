using Kok.Domain.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMailSender"/> as <see cref="SendGridMailSender"/>. Configuration is read when a mail is
    /// sent, so hosts start without it: <c>SendGrid:ApiKey</c> (secret, required), <c>SendGrid:FromEmail</c>
    /// (required), <c>SendGrid:FromName</c>, <c>SendGrid:ReplyTo</c>, <c>SendGrid:ApiBase</c> (unset: SendGrid itself,
    /// https://api.sendgrid.com; DevHost points it at its stand-in).
    /// </summary>
    public static IServiceCollection AddKokMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // No retry handler: the queue's own retries (maxDequeueCount, then the poison queue) are the retry policy.
        services.AddHttpClient(SendGridMailSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IMailSender>(sp => new SendGridMailSender(
            configuration,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<ILogger<SendGridMailSender>>()));
        return services;
    }
}
