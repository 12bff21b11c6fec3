namespace Kok.Domain.Membership;

/// <summary>Who supports KOK as a Fördermitglied (supporting member): the statutes allow all three.</summary>
public enum MemberKind
{
    Person,
    Organisation,
    Group,
}
