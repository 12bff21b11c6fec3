metadata description = 'The user-assigned managed identity the Function App uses for storage, Key Vault references and the deployment package.'

@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource ID of the identity.')
output id string = identity.id

@description('Client (application) ID, used by the app to pick this identity.')
output clientId string = identity.properties.clientId

@description('Object ID of the service principal, used for role assignments.')
output principalId string = identity.properties.principalId
