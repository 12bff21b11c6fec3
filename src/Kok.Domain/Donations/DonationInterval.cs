namespace Kok.Domain.Donations;

public enum DonationInterval
{
    Once,
    Monthly,
}
