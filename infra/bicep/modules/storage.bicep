metadata description = 'Storage for the Functions host and the app: tables, queues, blobs (receipts) and the deployment package. Reached with Entra ID only: shared keys are off.'

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Blob container for donation receipts (Zuwendungsbestätigungen), which must be kept for years.')
param receiptsContainerName string

@description('Days a deleted or overwritten blob stays recoverable (soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int

@description('Days after its creation a receipt (and each of its versions) is deleted: the retention period plus the rest of the year of issue (README, "Receipts, alerts, tearing down").')
@minValue(3288)
@maxValue(36500)
param receiptRetentionDays int

@description('Days an overwritten deployment package version is kept.')
@minValue(1)
param deploymentVersionDays int

@description('Puts a CanNotDelete lock on the account, so the receipts cannot go with an accidental delete of the account or its resource group.')
param lockAccount bool

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    // Entra ID only: no account keys, no SAS signed with them, no key-based connection strings.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    // Flex Consumption without a virtual network reaches storage over its public endpoint (Entra ID still required).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    // Every overwrite or delete of a receipt keeps the previous version, until the lifecycle rule below removes it.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource receiptsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: receiptsContainerName
  properties: {
    publicAccess: 'None'
    // Version-level immutability support: a time-based retention policy (WORM) can be added to this container later
    // without moving data (README, "Deploy to Azure"). It needs account versioning, enabled above. Such a policy must
    // be at most 2922 days (8 years): the PrivacyRetention run deletes a receipt issued on 31 December 8 years and a
    // day later (docs/privacy.md, "Receipt PDFs in Azure").
    immutableStorageWithVersioning: {
      enabled: true
    }
  }
}

// Lifecycle rules count days since a blob (or version) was created; the retention counts from the end of the year of
// issue, so receiptRetentionDays covers the longest case (issued on 1 January) and deletes nothing too early.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'receipts-after-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${receiptsContainerName}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterCreationGreaterThan: receiptRetentionDays
                }
              }
              version: {
                delete: {
                  daysAfterCreationGreaterThan: receiptRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'old-deployment-packages'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${deploymentContainerName}/'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: deploymentVersionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobService
  ]
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (lockAccount) {
  name: '${name}-cannot-delete'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the donation receipts, which must be kept for years. Remove the lock deliberately before deleting.'
  }
}

@description('Name of the storage account.')
output name string = account.name

@description('Blob service endpoint (https://<account>.blob.core.windows.net/).')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Queue service endpoint.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('Table service endpoint.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Name of the deployment package container.')
output deploymentContainerName string = deploymentContainer.name
