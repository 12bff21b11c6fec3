metadata description = 'KOK supporter backend on Azure: Function App (Flex Consumption), storage, Key Vault, monitoring. Deployed with `azd up`; see README.md, "Deploy to Azure".'

targetScope = 'subscription'

import { isHostNameOrEmpty, isHttpsUrl, isIsoDate, isMailAddress, isSepaCreditorId, normalizedCreditorId } from 'modules/checks.bicep'

// ---------- azd ----------

@minLength(1)
@maxLength(64)
@description('Name of the azd environment (e.g. kok-prod); part of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for all resources, e.g. germanywestcentral (must offer the Flex Consumption plan).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

// ---------- Website ----------

@minLength(1)
@description('Website origins allowed to call the public form endpoints (CORS), comma-separated, e.g. https://www.kok-gegenmenschenhandel.de')
param websiteOrigins string

@minLength(1)
@description('Page Stripe Checkout returns to after a successful payment (absolute https URL on the website).')
param websiteSuccessUrl string

@minLength(1)
@description('Page Stripe Checkout returns to after the donor cancels (absolute https URL on the website).')
param websiteCancelUrl string

@description('Custom host name for the API (e.g. spenden.example.org) once bound in the portal; empty = the default *.azurewebsites.net host.')
param customHostName string = ''

// ---------- Mail (SendGrid) ----------

@minLength(3)
@description('Sender address of all mails; its domain must be authenticated at SendGrid.')
param senderEmail string

@minLength(1)
@description('Sender name shown to donors and members.')
param senderName string = 'KOK e.V.'

@minLength(3)
@description('Reply-To address of all mails.')
param replyToEmail string

// ---------- Organisation (printed on donation receipts) ----------

@minLength(1)
@description('Legal name of the charity as on the receipts.')
param organisationName string

@minLength(1)
@description('Street and number.')
param organisationStreet string

@minLength(1)
@description('Postal code.')
param organisationPostalCode string

@minLength(1)
@description('City.')
param organisationCity string

@minLength(1)
@description('Tax office (Finanzamt) of the exemption notice, e.g. "Finanzamt für Körperschaften I Berlin".')
param organisationTaxOffice string

@minLength(1)
@description('Tax number (Steuernummer).')
param organisationTaxNumber string

@minLength(10)
@maxLength(10)
@description('Date of the latest exemption notice (Freistellungsbescheid), yyyy-MM-dd.')
param organisationExemptionNoticeDate string

@minLength(1)
@description('Tax-privileged purposes as worded in the statutes (printed on receipts).')
param organisationPurposes string

@minLength(1)
@description('Name of the person who signs receipts.')
param organisationSignatoryName string

@minLength(1)
@description('Role of the signatory, e.g. Geschäftsführung.')
param organisationSignatoryRole string

@minLength(3)
@description('Contact address printed on receipts and mails.')
param organisationContactEmail string

// ---------- Membership and dues ----------

@minValue(1)
@maxValue(1000000)
@description('Minimum annual amount of a supporting membership, in euro cents (5000 = 50 EUR; the app allows 1 cent to 10,000 EUR).')
param membershipMinimumAnnualAmountCents int = 5000

@description('NCRONTAB schedule (six fields, UTC) of the dues run.')
param duesSchedule string = '0 0 5 * * *'

@minValue(1)
@maxValue(60)
@description('Days between the SEPA pre-notification mail and the debit (1 to 60, as the app allows).')
param duesPreNotificationDays int = 14

@minValue(22)
@maxValue(120)
@description('Days a failed dues payment may stay open before the membership lapses: after the last reminder (day 21) and within the pay link\'s 120 days.')
param duesGraceDays int = 30

@description('SEPA creditor identifier (Gläubiger-ID) that every pre-notification names, e.g. DE98ZZZ09999999999: KOK\'s own (Deutsche Bundesbank), or the one on the Stripe mandate while Stripe collects as creditor. Required: the app refuses dues and welcome mails without it.')
param sepaCreditorId string

// ---------- Staff sign-in ----------

@minLength(36)
@maxLength(36)
@description('Application (client) ID of the Entra ID app registration for staff sign-in (README: one-time steps).')
param staffAuthClientId string

@description('App role of that registration that marks staff.')
param staffRole string = 'staff'

// ---------- Secrets (stored in Key Vault; empty = keep what the vault has) ----------

@secure()
@description('Stripe secret API key (sk_live_... or sk_test_...).')
param stripeSecretKey string = ''

@secure()
@description('Signing secret of the Stripe webhook endpoint (whsec_...); known after registering the webhook.')
param stripeWebhookSecret string = ''

@secure()
@description('SendGrid API key with the Mail Send permission.')
param sendGridApiKey string = ''

@secure()
@minLength(32)
@description('Secret that signs links in mails (e.g. membership management); generated by azd once and kept in the azd environment.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
      noSpecial: true
    }
  }
})
param linkSigningSecret string

// ---------- Operations ----------

@minLength(3)
@description('Address that receives operational alerts (messages in a poison queue).')
param alertEmail string

@description('Poison queues to alert on (a queue trigger moves a message there after 5 failed attempts).')
param poisonQueues string[] = [
  'receipt-mail-poison'
  'welcome-mail-poison'
  'dues-charge-poison'
  'member-mail-poison'
  'annual-receipts-poison'
  'projections-poison'
]

@minValue(1)
@maxValue(10000)
@description('Attempts per client address on the public forms within the window.')
param rateLimitPermitLimit int = 5

@minValue(1)
@maxValue(86400)
@description('Window of the rate limit, in seconds.')
param rateLimitWindowSeconds int = 300

@minValue(40)
@maxValue(1000)
@description('Upper bound of Function App instances (40 is the lowest the plan allows).')
param maximumInstanceCount int = 40

@allowed([2048, 4096])
@description('Memory per instance in MB: 2048 or 4096. 512 is left out on purpose: some regions refuse it for new apps.')
param instanceMemoryMB int = 2048

@description('Application Insights accepts telemetry only with Entra ID (local auth off): for subscriptions whose policy disables local authentication. The app identity gets Monitoring Metrics Publisher.')
param applicationInsightsEntraAuth bool = false

@description('Daily Log Analytics ingestion cap in GB (a safety net; -1 = none).')
param dailyLogCapGb int = 1

@minValue(3288)
@maxValue(36500)
@description('Days after issue a receipt PDF and its versions are deleted. Receipts are kept 8 years after the end of the year of issue; lifecycle rules count from creation, so 3300 (9 × 365 + 3 leap days + slack) covers a receipt issued on 1 January.')
param receiptRetentionDays int = 3300

@description('Lock the storage account against deletion (it holds the receipts). Remove the lock before `azd down`.')
param lockStorageAccount bool = true

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'kok-supporter-backend'
}
var deploymentContainerName = 'deployment-package'
var identityName = 'id-kok-${resourceToken}'
var storageAccountName = 'stkok${resourceToken}'
var keyVaultName = 'kv-kok-${take(resourceToken, 13)}'
var applicationInsightsName = 'appi-kok-${resourceToken}'

// Parameters whose shape the app checks at start-up (modules/checks.bicep): a value it would refuse stops the
// deployment here, naming the parameter, instead of the worker in Azure.
var checked = {
  websiteSuccessUrl: isHttpsUrl(websiteSuccessUrl) ? websiteSuccessUrl : fail('websiteSuccessUrl: an absolute https URL, e.g. https://www.example.org/danke')
  websiteCancelUrl: isHttpsUrl(websiteCancelUrl) ? websiteCancelUrl : fail('websiteCancelUrl: an absolute https URL, e.g. https://www.example.org/spenden')
  senderEmail: isMailAddress(senderEmail) ? senderEmail : fail('senderEmail: a mail address without spaces, e.g. spenden@example.org')
  replyToEmail: isMailAddress(replyToEmail) ? replyToEmail : fail('replyToEmail: a mail address without spaces, e.g. info@example.org')
  organisationExemptionNoticeDate: isIsoDate(organisationExemptionNoticeDate) ? organisationExemptionNoticeDate : fail('organisationExemptionNoticeDate: a date written yyyy-MM-dd, e.g. 2025-06-01')
  sepaCreditorId: isSepaCreditorId(normalizedCreditorId(sepaCreditorId)) ? normalizedCreditorId(sepaCreditorId) : fail('sepaCreditorId: a SEPA creditor identifier, e.g. DE98ZZZ09999999999')
  customHostName: isHostNameOrEmpty(customHostName) ? customHostName : fail('customHostName: a host name such as spenden.example.org, or empty')
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-kok-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: 30
    dailyQuotaGb: dailyLogCapGb
    disableLocalAuth: applicationInsightsEntraAuth
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    receiptsContainerName: 'receipts'
    blobSoftDeleteDays: 365
    receiptRetentionDays: receiptRetentionDays
    deploymentVersionDays: 30
    lockAccount: lockStorageAccount
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    secrets: {
      'stripe-secret-key': stripeSecretKey
      'stripe-webhook-secret': stripeWebhookSecret
      'sendgrid-api-key': sendGridApiKey
      'link-signing-secret': linkSigningSecret
    }
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  params: {
    identityName: identityName
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    applicationInsightsEntraAuth: applicationInsightsEntraAuth
  }
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: 'func-kok-${resourceToken}'
    planName: 'plan-kok-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    keyVaultName: keyVault.outputs.name
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    applicationInsightsEntraAuth: applicationInsightsEntraAuth
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    website: {
      origins: map(split(websiteOrigins, ','), origin => trim(origin))
      successUrl: checked.websiteSuccessUrl
      cancelUrl: checked.websiteCancelUrl
    }
    mail: {
      fromEmail: checked.senderEmail
      fromName: senderName
      replyTo: checked.replyToEmail
    }
    organisation: {
      name: organisationName
      street: organisationStreet
      postalCode: organisationPostalCode
      city: organisationCity
      taxOffice: organisationTaxOffice
      taxNumber: organisationTaxNumber
      exemptionNoticeDate: checked.organisationExemptionNoticeDate
      purposes: organisationPurposes
      signatoryName: organisationSignatoryName
      signatoryRole: organisationSignatoryRole
      contactEmail: organisationContactEmail
    }
    membership: {
      minimumAnnualAmountCents: membershipMinimumAnnualAmountCents
      duesSchedule: duesSchedule
      preNotificationDays: duesPreNotificationDays
      graceDays: duesGraceDays
      sepaCreditorId: checked.sepaCreditorId
    }
    rateLimitPermitLimit: rateLimitPermitLimit
    rateLimitWindowSeconds: rateLimitWindowSeconds
    staffAuthClientId: staffAuthClientId
    staffRole: staffRole
    customHostName: checked.customHostName
  }
  // The identity must hold its storage and Key Vault roles before the app first starts and resolves its settings.
  dependsOn: [
    roles
  ]
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    actionGroupName: 'ag-kok-${resourceToken}'
    alertName: 'alert-kok-poison-${resourceToken}'
    location: location
    tags: tags
    workspaceId: monitoring.outputs.workspaceId
    poisonQueues: poisonQueues
    alertEmail: alertEmail
  }
}

@description('Region of the deployment (azd).')
output AZURE_LOCATION string = location

@description('Tenant of the deployment (azd).')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding everything.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the Function App.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Name of the Key Vault with the secrets.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Name of the storage account (tables, queues, receipts).')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Public base URL of the API.')
output API_BASE_URL string = 'https://${functionApp.outputs.hostName}'

@description('Register this URL as the webhook endpoint at Stripe.')
output STRIPE_WEBHOOK_URL string = 'https://${functionApp.outputs.hostName}/api/stripe/webhook'

@description('Add this as a Web redirect URI of the staff app registration (again after setting customHostName).')
output STAFF_LOGIN_REDIRECT_URI string = 'https://${functionApp.outputs.hostName}/.auth/login/aad/callback'

@description('Where staff sign in and land on the dashboard.')
output STAFF_SIGN_IN_URL string = 'https://${functionApp.outputs.hostName}/.auth/login/aad?post_login_redirect_uri=/dashboard'
