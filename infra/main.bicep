// DigestPipeline in Azure: one resource group holding the storage account, the Event Grid subscription that feeds
// the ingest queue, the Function App on Flex Consumption, monitoring and the Key Vault. `azd up` deploys it
// (azure.yaml at the repository root); parameters come from main.parameters.json.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource (one that offers Flex Consumption).')
param location string

@description('Object id of the person deploying (azd sets it): gets blob, queue and table data access, for the digest command. Empty: none.')
param principalId string = ''

@description('SMTP relay host. Azure Communication Services: smtp.azurecomm.net')
param smtpHost string

@description('SMTP port: 587 with StartTls for Azure Communication Services.')
param smtpPort int = 587

@allowed(['None', 'StartTls', 'StartTlsWhenAvailable', 'SslOnConnect', 'Auto'])
param smtpSecurity string = 'StartTls'

@description('SMTP user name. Azure Communication Services: the SMTP username resource, or <ACS resource>.<Entra app id>.<tenant id>.')
param smtpUserName string

@secure()
@description('SMTP password (Azure Communication Services: the Entra application\'s client secret). Stored in Key Vault only.')
param smtpPassword string

@secure()
@minLength(32)
@description('HMAC secret of every subscriber link (openssl rand -base64 48). Stored in Key Vault only. Changing it breaks every link already sent.')
param tokenSecret string

@description('Sender address: for Azure Communication Services, an address of a domain connected to the resource (DoNotReply@<domain>).')
param fromAddress string

param fromName string = 'DigestPipeline'

@description('When digests are planned: 5-field cron, UTC.')
param planSchedule string = '*/5 * * * *'

// A string, as azd passes environment values (DIGEST_MAIL_QUOTA_PER_MINUTE); the app refuses to start unless it is a number.
@description('The SMTP relay\'s sending quota per minute, over every instance together (0: none). The default 1 keeps within a new Azure Communication Services resource\'s limits (30 a minute and 100 an hour); raise it with your quota.')
param mailQuotaPerMinute string = '1'

@description('Upload API: the Entra ID authority whose tokens it accepts besides API keys, https://login.microsoftonline.com/<tenant id>/v2.0. Empty: API keys only.')
param apiEntraAuthority string = ''

@description('Upload API: the audience Entra ID tokens must be issued for (the API app registration\'s client id or App ID URI). Set with apiEntraAuthority.')
param apiEntraAudience string = ''

@description('Upload API: an app role Entra ID tokens must carry (e.g. Documents.Upload). Empty: none required.')
param apiEntraRequiredRole string = ''

// Strings, as azd passes environment values; the app refuses to start unless they are numbers of at least 1.
@description('Upload API: requests per minute per caller (API key or Entra principal), per instance.')
param apiRequestsPerMinute string = '60'

@description('Upload API: requests a caller may make at once before the rate applies.')
param apiBurst string = '20'

@description('Operator console: the Entra ID users allowed in, by object id or user principal name, separated by commas. Empty: no console in Azure.')
param consoleOperators string = ''

@description('Operator console: the client id of the Entra ID app registration App Service authentication signs operators in with (its redirect URI: https://<app>.azurewebsites.net/.auth/login/aad/callback). Needed with consoleOperators.')
param consoleEntraClientId string = ''

@secure()
@description('Operator console: a client secret of that app registration, kept in Key Vault. Empty: sign-in uses the ID token alone (enable ID tokens on the registration).')
param consoleEntraClientSecret string = ''

var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'digestpipeline'
  scope: group
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    principalId: principalId
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpSecurity: smtpSecurity
    smtpUserName: smtpUserName
    smtpPassword: smtpPassword
    tokenSecret: tokenSecret
    fromAddress: fromAddress
    fromName: fromName
    planSchedule: planSchedule
    mailQuotaPerMinute: mailQuotaPerMinute
    apiEntraAuthority: apiEntraAuthority
    apiEntraAudience: apiEntraAudience
    apiEntraRequiredRole: apiEntraRequiredRole
    apiRequestsPerMinute: apiRequestsPerMinute
    apiBurst: apiBurst
    consoleOperators: consoleOperators
    consoleEntraClientId: consoleEntraClientId
    consoleEntraClientSecret: consoleEntraClientSecret
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName
output AZURE_FUNCTION_APP_NAME string = resources.outputs.functionAppName
output SUBSCRIBE_URL string = resources.outputs.subscribeUrl
output UPLOAD_API_URL string = resources.outputs.uploadApiUrl
output CONSOLE_URL string = resources.outputs.consoleUrl
