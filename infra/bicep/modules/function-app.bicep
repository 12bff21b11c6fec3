metadata description = 'The Function App on the Flex Consumption plan (Linux, dotnet-isolated 10.0): identity-based storage, secrets from Key Vault, App Service Authentication for staff, CORS for the website only.'

import { mailSettings, membershipSettings, organisationSettings, websiteSettings } from 'types.bicep'

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Resource ID of the user-assigned identity.')
param identityId string

@description('Client ID of the user-assigned identity.')
param identityClientId string

@description('Blob endpoint of the storage account, with trailing slash.')
param blobEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Name of the Key Vault holding the app secrets.')
param keyVaultName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Send telemetry with the identity\'s Entra ID token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING) instead of the key alone.')
param applicationInsightsEntraAuth bool

@description('Upper bound of instances; the lowest Flex Consumption allows.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB: 2048 or 4096, the sizes every Flex Consumption region offers (512 is refused in some).')
@allowed([2048, 4096])
param instanceMemoryMB int

@description('The website that embeds the forms.')
param website websiteSettings

@description('Mail sender.')
param mail mailSettings

@description('The charity as printed on receipts.')
param organisation organisationSettings

@description('Membership and dues rules.')
param membership membershipSettings

@description('Attempts per client address on the public forms within the window.')
param rateLimitPermitLimit int

@description('Window of the rate limit, in seconds.')
param rateLimitWindowSeconds int

@description('Application (client) ID of the Entra ID app registration staff sign in with.')
param staffAuthClientId string

@description('App role that marks staff.')
param staffRole string

@description('Custom host name the public uses (e.g. spenden.example.org), bound separately; empty = the default host name.')
param customHostName string

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references resolve with the user-assigned identity (there is no system-assigned one).
    keyVaultReferenceIdentity: identityId
    // No ftpsState: Flex Consumption has no FTP and rejects the property (tests/Kok.InfraTests/FlexConsumptionDeprecations.cs).
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      cors: {
        allowedOrigins: website.origins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

var publicHostName = empty(customHostName) ? site.properties.defaultHostName : customHostName

// Every setting the app reads in Azure (src/Kok.Functions/Configuration/SettingsCatalog.cs; tests/Kok.InfraTests
// checks the two agree). Storage is identity-based: no key or connection string; secrets are Key Vault references.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: blobEndpoint
    AzureWebJobsStorage__queueServiceUri: queueEndpoint
    AzureWebJobsStorage__tableServiceUri: tableEndpoint
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    // Empty unless Entra ID auth is on: the host and Program.cs then authenticate as the user-assigned identity.
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: applicationInsightsEntraAuth ? 'Authorization=AAD;ClientId=${identityClientId}' : ''
    PublicBaseUrl: 'https://${publicHostName}'
    Website__Origins: join(website.origins, ',')
    Website__SuccessUrl: website.successUrl
    Website__CancelUrl: website.cancelUrl
    RateLimit__PermitLimit: string(rateLimitPermitLimit)
    RateLimit__WindowSeconds: string(rateLimitWindowSeconds)
    // The App Service front end appends the caller's address; the connection address is the front end's.
    RateLimit__ClientAddressHeader: 'X-Forwarded-For'
    // Safe only because App Service Authentication (authsettingsV2 below) is on and strips this header from requests.
    Auth__TrustAppServicePrincipal: 'true'
    Auth__StaffRole: staffRole
    Stripe__SecretKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=stripe-secret-key)'
    Stripe__WebhookSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=stripe-webhook-secret)'
    SendGrid__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=sendgrid-api-key)'
    SendGrid__FromEmail: mail.fromEmail
    SendGrid__FromName: mail.fromName
    SendGrid__ReplyTo: mail.replyTo
    Links__SigningSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=link-signing-secret)'
    Organisation__Name: organisation.name
    Organisation__AddressLines__0: organisation.street
    Organisation__AddressLines__1: '${organisation.postalCode} ${organisation.city}'
    Organisation__City: organisation.city
    Organisation__TaxOffice: organisation.taxOffice
    Organisation__TaxNumber: organisation.taxNumber
    Organisation__ExemptionNoticeDate: organisation.exemptionNoticeDate
    Organisation__Purposes: organisation.purposes
    Organisation__SignatoryName: organisation.signatoryName
    Organisation__SignatoryFunction: organisation.signatoryRole
    Organisation__ContactEmail: organisation.contactEmail
    // The app reads euros ("50.00"), as the members' resolution states the minimum.
    Membership__MinimumAnnualAmount: '${membership.minimumAnnualAmountCents / 100}.${padLeft(string(membership.minimumAnnualAmountCents % 100), 2, '0')}'
    Dues__Schedule: membership.duesSchedule
    Dues__PreNotificationDays: string(membership.preNotificationDays)
    Dues__GraceDays: string(membership.graceDays)
    Dues__SepaCreditorId: membership.sepaCreditorId
    // 10 January 04:00 UTC: the annual Sammelbestaetigungen for the previous year.
    Receipts__AnnualSchedule: '0 0 4 10 1 *'
  }
}

// Sign-in for staff. Anonymous requests still reach the app (public forms, Stripe webhook); the app itself demands a
// principal with the staff role on /dashboard and /api/dashboard/* (StaffAuthorization). The platform removes any
// X-MS-CLIENT-PRINCIPAL header a caller sends, so the app can trust the one it sees.
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
      redirectToProvider: 'azureactivedirectory'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          // No client secret: sign-in uses the OpenID Connect ID token (the app registration allows ID tokens).
          clientId: staffAuthClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            staffAuthClientId
            'api://${staffAuthClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: false
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
  }
  // One configuration change at a time: concurrent updates of the same site can fail with a conflict.
  dependsOn: [
    appSettings
  ]
}

// No FTP and no basic-auth publishing: azd deploys with Entra ID to the deployment container.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the Function App.')
output name string = site.name

@description('Host name the public reaches the app on.')
output hostName string = publicHostName
