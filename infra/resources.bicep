// Everything of one DigestPipeline environment, in one resource group (see main.bicep).
param environmentName string
param location string
param tags object
param principalId string
param smtpHost string
param smtpPort int
param smtpSecurity string
param smtpUserName string
@secure()
param smtpPassword string
@secure()
param tokenSecret string
param fromAddress string
param fromName string
param planSchedule string
param mailQuotaPerMinute string
param apiEntraAuthority string
param apiEntraAudience string
param apiEntraRequiredRole string
param apiRequestsPerMinute string
param apiBurst string
param consoleOperators string
param consoleEntraClientId string
@secure()
param consoleEntraClientSecret string

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var functionAppName = 'func-digest-${token}'
var deploymentContainer = 'app-package-${take(token, 16)}'
var deadLetterContainer = 'eventgrid-deadletter'
// The operator console is on in Azure only behind App Service authentication, for the operators named.
var consoleOn = !empty(consoleOperators)
var consoleSecretOn = consoleOn && !empty(consoleEntraClientSecret)

// The storage layout of the README: containers, queues (with their -poison twins) and tables.
var containers = ['incoming', 'documents', 'summaries', 'digests', 'quarantine', 'translations', deadLetterContainer, deploymentContainer]
var queues = ['ingest', 'ingest-poison', 'summarize', 'summarize-poison', 'digest', 'digest-poison']
var tables = ['Documents', 'ThemeIndex', 'Subscribers', 'Deliveries', 'ConfirmationLimits', 'RelayQuota', 'DigestsDue', 'Sources', 'ApiKeys', 'ApiUploads']

// Built-in roles: the name Microsoft's built-in roles reference gives each, and its id. Every role assignment's
// description starts with its role's name; tests/DigestPipeline.IntegrationTests/Infra/ compiles this Bicep and holds
// each assignment to infra/built-in-roles.json: the id is that role's, and the table says the code needs that role,
// for that grantee, on that scope (a wrong id fails provisioning, and neither bicep build nor bicep lint sees it).
var roles = {
  storageBlobDataOwner: { name: 'Storage Blob Data Owner', id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' }
  storageBlobDataContributor: { name: 'Storage Blob Data Contributor', id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' }
  storageQueueDataContributor: { name: 'Storage Queue Data Contributor', id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' }
  storageQueueDataMessageSender: { name: 'Storage Queue Data Message Sender', id: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a' }
  storageTableDataContributor: { name: 'Storage Table Data Contributor', id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' }
  keyVaultSecretsUser: { name: 'Key Vault Secrets User', id: '4633458b-17de-408a-b874-0445c86b69e6' }
  monitoringMetricsPublisher: { name: 'Monitoring Metrics Publisher', id: '3913510d-42f4-4e42-8a64-420c390055eb' }
}

// ---------------------------------------------------------------- identity

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-digest-${token}'
  location: location
  tags: tags
}

// ---------------------------------------------------------------- storage

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdigest${take(token, 16)}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in containers: {
  parent: blobService
  name: name
  properties: { publicAccess: 'None' }
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for name in queues: {
  parent: queueService
  name: name
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for name in tables: {
  parent: tableService
  name: name
}]

// The app's identity: blobs (Owner: the Functions host's own containers and the Flex deployment package too), queues, tables.
// (Assignment names hash the role's id, as they always have, so that a redeployment updates them in place.)
resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]: {
  scope: storage
  name: guid(storage.id, identity.id, role.id)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: '${role.name}: the Function App on the storage account (host storage, triggers, adapters)'
  }
}]

// The person deploying may run the digest command against this account (upload, subscribe, status: README).
resource deployerStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in (empty(principalId) ? [] : [roles.storageBlobDataContributor, roles.storageQueueDataContributor, roles.storageTableDataContributor]): {
  scope: storage
  name: guid(storage.id, principalId, role.id)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
    principalId: principalId
    description: '${role.name}: the person deploying, for the digest command'
  }
}]

// ---------------------------------------------------------------- Event Grid: BlobCreated under incoming/ → queue ingest

resource storageEvents 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: 'evgt-digest-${token}'
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Shared keys are disabled, so Event Grid delivers (and dead-letters) with its own identity.
resource eventGridQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, storageEvents.id, roles.storageQueueDataMessageSender.id)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataMessageSender.id)
    principalId: storageEvents.identity.principalId
    principalType: 'ServicePrincipal'
    description: '${roles.storageQueueDataMessageSender.name}: Event Grid delivers BlobCreated events to the ingest queue'
  }
}

resource eventGridDeadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, storageEvents.id, roles.storageBlobDataContributor.id)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor.id)
    principalId: storageEvents.identity.principalId
    principalType: 'ServicePrincipal'
    description: '${roles.storageBlobDataContributor.name}: Event Grid writes the events it could not deliver to ${deadLetterContainer}'
  }
}

// Event Grid writes one event per queue message, Event Grid schema, base64 (what host.json's messageEncoding expects).
resource ingestSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: storageEvents
  name: 'incoming-to-ingest'
  dependsOn: [eventGridQueueSender, eventGridDeadLetterWriter, storageQueues, blobContainers]
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/incoming/'
    }
    deliveryWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: 'ingest'
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    // Delivery INTO the queue (processing retries are the queue trigger's, host.json). Event Grid retries a failed
    // delivery on its own back-off schedule until either limit is reached, here both at their maximum: 30 attempts
    // over up to 24 h, far beyond the 10 minutes of storage trouble the app rides out before anything is poisoned.
    // Then the event goes to the dead-letter container below (also at once for errors Event Grid never retries,
    // such as 400), and the repair pass (every 10 minutes) publishes again any upload ingest never handled.
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainer
        }
      }
    }
  }
}

// ---------------------------------------------------------------- monitoring

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-digest-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-digest-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher.id)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher.id)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: '${roles.monitoringMetricsPublisher.name}: the Function App sends telemetry with Entra ID'
  }
}

// ---------------------------------------------------------------- secrets

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-digest-${take(token, 13)}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'smtp-password'
  properties: { value: smtpPassword }
}

resource tokenSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'subscriptions-token-secret'
  properties: { value: tokenSecret }
}

resource consoleClientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (consoleSecretOn) {
  parent: vault
  name: 'console-entra-client-secret'
  properties: { value: consoleEntraClientSecret }
}

resource appSecretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser.id)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser.id)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: '${roles.keyVaultSecretsUser.name}: the Function App resolves its Key Vault references'
  }
}

// ---------------------------------------------------------------- Function App (Flex Consumption)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-digest-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: { reserved: true }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  dependsOn: [appStorageRoles, appSecretsReader, blobContainers]
}

// Set after the site exists, so that the public URL can name its host.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union({
    // The triggers' storage, and the adapters' (they fall back to AzureWebJobsStorage), keyless through the identity.
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    AZURE_CLIENT_ID: identity.properties.clientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    Digests__PlanSchedule: planSchedule
    Digests__FromAddress: fromAddress
    Digests__FromName: fromName
    Mail__Smtp__Host: smtpHost
    Mail__Smtp__Port: string(smtpPort)
    Mail__Smtp__Security: smtpSecurity
    Mail__Smtp__QuotaPerMinute: mailQuotaPerMinute
    Mail__Smtp__UserName: smtpUserName
    Mail__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecret.properties.secretUri})'
    Subscriptions__TokenSecret: '@Microsoft.KeyVault(SecretUri=${tokenSecretSecret.properties.secretUri})'
    Subscriptions__PublicBaseUrl: 'https://${functionApp.properties.defaultHostName}'
    // The upload API: API keys always (the ApiKeys table); Entra ID tokens too when an authority and audience are given.
    Api__Entra__Authority: apiEntraAuthority
    Api__Entra__Audience: apiEntraAudience
    Api__Entra__RequiredRole: apiEntraRequiredRole
    Api__RequestsPerMinute: apiRequestsPerMinute
    Api__Burst: apiBurst
    // The site root is the landing page (the Landing function), not the Functions host's "up and running" page.
    AzureWebJobsDisableHomepage: 'true'
    // The operator console: behind App Service authentication (authsettingsV2 below) for these operators, or off. The
    // app refuses to start with the console's local mode in Azure.
    Console__Access: consoleOn ? 'AppServiceAuthentication' : 'Off'
    Console__Operators: consoleOperators
  }, consoleSecretOn ? {
    // The name App Service authentication reads the app registration's secret from (registration.clientSecretSettingName).
    MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: '@Microsoft.KeyVault(SecretUri=${consoleClientSecret.properties.secretUri})'
  } : {})
  dependsOn: [telemetryPublisher]
}

// App Service authentication with Entra ID, for the console only: anonymous requests still reach every other page
// and the upload API (AllowAnonymous); the console itself sends a visitor to /.auth/login/aad and lets in the
// operators named in Console__Operators, reading who signed in from the headers the platform sets.
resource consoleAuthentication 'Microsoft.Web/sites/config@2024-04-01' = if (consoleOn) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: consoleEntraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${subscription().tenantId}/v2.0'
          clientSecretSettingName: consoleSecretOn ? 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET' : null
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
    httpSettings: { requireHttps: true }
  }
  dependsOn: [appSettings]
}

output storageAccountName string = storage.name
output functionAppName string = functionApp.name
output subscribeUrl string = 'https://${functionApp.properties.defaultHostName}/subscribe'
output uploadApiUrl string = 'https://${functionApp.properties.defaultHostName}/api/documents'
output consoleUrl string = consoleOn ? 'https://${functionApp.properties.defaultHostName}/console/' : ''
