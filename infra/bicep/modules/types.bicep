metadata description = 'Shapes of the settings main.bicep passes to the Function App.'

@export()
@description('The charity as printed on donation receipts (Zuwendungsbestätigungen: German tax receipts for donations).')
type organisationSettings = {
  @description('Legal name.')
  name: string
  @description('Street and number.')
  street: string
  @description('Postal code.')
  postalCode: string
  @description('City.')
  city: string
  @description('Tax office (Finanzamt) that granted the tax exemption.')
  taxOffice: string
  @description('Tax number (Steuernummer) at that office.')
  taxNumber: string
  @description('Date of the latest exemption notice (Freistellungsbescheid), yyyy-MM-dd.')
  exemptionNoticeDate: string
  @description('The tax-privileged purposes as worded in the statutes.')
  purposes: string
  @description('Name of the person who signs receipts.')
  signatoryName: string
  @description('Role of that person.')
  signatoryRole: string
  @description('Address for questions about donations and membership.')
  contactEmail: string
}

@export()
@description('Sender of all mails (SendGrid).')
type mailSettings = {
  @description('From address; its domain must be authenticated at SendGrid.')
  fromEmail: string
  @description('From name.')
  fromName: string
  @description('Reply-To address.')
  replyTo: string
}

@export()
@description('Membership and dues rules.')
type membershipSettings = {
  @description('Minimum annual amount for a supporting member, in euro cents.')
  minimumAnnualAmountCents: int
  @description('NCRONTAB schedule of the dues run.')
  duesSchedule: string
  @description('Days between the SEPA pre-notification and the debit.')
  preNotificationDays: int
  @description('Days a failed payment may stay open before the membership lapses.')
  graceDays: int
  @description('SEPA creditor identifier (Gläubiger-Identifikationsnummer); empty when Stripe is the creditor.')
  sepaCreditorId: string
}

@export()
@description('The website that embeds the forms.')
type websiteSettings = {
  @description('Origins allowed by CORS, e.g. https://www.example.org.')
  origins: string[]
  @description('Where Checkout returns after payment.')
  successUrl: string
  @description('Where Checkout returns after cancelling.')
  cancelUrl: string
}
