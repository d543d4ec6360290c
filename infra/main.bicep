// KindnessBot in one resource group: the web app that runs the bot, the Azure Bot that connects it to Teams, the
// storage it keeps its data in (reached with a managed identity, never a key), the Key Vault that holds its two secrets
// (read by the same identity; the app settings hold only references to them) and the monitoring to see it working.
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p infra/main.bicepparam (see docs/deploy.md).

targetScope = 'resourceGroup'

@description('Where everything except the Azure Bot (always global) is created.')
param location string = resourceGroup().location

@description('Start of every resource name: lower-case letters and digits. A suffix unique to the resource group is added.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'kindnessbot'

@description('App Service plan size. B1 is the cheapest that stays always on; S1 and up add deployment slots, P0v3 and up more memory per core.')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
  'P1mv3'
])
param appServiceSku string = 'P0v3'

@description('How many instances run the bot. At least two, so one can restart or fail without Teams noticing.')
@minValue(2)
@maxValue(10)
param instanceCount int = 2

@description('A staging slot to deploy to before swapping into production (and to swap back to roll back). B1 and B2 have no slots, so it is left out on them.')
param stagingSlot bool = true

@description('Storage redundancy. ZRS keeps data across availability zones in the region.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('The tables the bot uses (each feature declares its own: the *Storage.Declared lists in src/KindnessBot.Core). The bot also creates them at start-up.')
param tableNames string[] = [
  'Conversations'
  'Memberships'
  'Allowances'
  'Recognitions'
  'Permissions'
  'ReflectionSchedules'
  'ReflectionSlots'
  'ReflectionAnswers'
  'Blockers'
  'Listening'
  'Aggregates'
  'Deliveries'
  'DeliverySettings'
  'SendPacing'
  'AuditLog'
  'RetentionRuns'
  'TeamLeaders'
]

@description('Prefixed to every table name (Storage:TablePrefix), so several deployments can share one account.')
@maxLength(20)
param tablePrefix string = ''

@description('The queues the bot uses: the delivery path\'s single messages, its poison queue, and its wave shards (Delivery:WaveShards, 8 by default: deliveries-wave, deliveries-wave-1 … deliveries-wave-7). The bot also creates them at start-up, all its shards included.')
param queueNames string[] = [
  'deliveries'
  'deliveries-poison'
  'deliveries-wave'
  'deliveries-wave-1'
  'deliveries-wave-2'
  'deliveries-wave-3'
  'deliveries-wave-4'
  'deliveries-wave-5'
  'deliveries-wave-6'
  'deliveries-wave-7'
]

@description('Signs the short-lived links to appraisal summaries (Appraisal:LinkSigningKey); every instance must share it. Stored in the Key Vault, never in an app setting. A new one each deployment is fine: links live 15 minutes.')
@secure()
param appraisalLinkSigningKey string = base64(newGuid())

@description('Keeps anonymous reflection answers anonymous (Reflection:AnswerSecret, see docs/privacy.md): at least 32 random bytes in base64, made once (openssl rand -base64 32) and kept in your pipeline\'s secrets; the deployment stores it in the Key Vault, never in an app setting. Changing it only means people cannot change answers they gave before. The bot refuses to start without it.')
@secure()
param reflectionAnswerSecret string

@description('The bot\'s name in the Azure portal.')
param botDisplayName string = 'KindnessBot'

@description('Azure Bot pricing tier. Teams is a standard channel: its messages are free on F0 and S1 alike; S1 carries the SLA.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'S1'

@description('How long logs are kept, in days.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags put on every resource.')
param tags object = {
  app: 'KindnessBot'
}

var suffix = uniqueString(resourceGroup().id)
var baseName = '${namePrefix}-${suffix}'
var withStagingSlot = stagingSlot && !startsWith(appServiceSku, 'B')
// Built-in roles: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(toLower('${replace(namePrefix, '-', '')}${suffix}'), 24) // storage names: 3–24 lower-case letters and digits
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Enabled'
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource table 'tables' = [for name in tableNames: {
      name: '${tablePrefix}${name}'
    }]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queue 'queues' = [for name in queueNames: {
      name: name
    }]
  }
}

// The bot's identity may read and write tables and queues in this account, and nothing else.
resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The bot's two secrets. Access is by Azure role (no access policies), so reading a secret takes a role on this vault:
// the app settings hold only references, and whoever can read those learns where the secrets are, not what they are.
// Soft delete and purge protection keep a deleted secret, or the whole vault, recoverable for 90 days; the name stays
// taken meanwhile (see docs/deploy.md if you recreate the resource group).
resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: take('kv${toLower(replace(namePrefix, '-', ''))}${suffix}', 24) // vault names: 3–24 letters, digits and hyphens, starting with a letter
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // Like the storage account: reached over the internet, by Microsoft Entra ID identities only.
    publicNetworkAccess: 'Enabled'
  }

  resource answerSecret 'secrets' = {
    name: 'reflection-answer-secret'
    properties: {
      value: reflectionAnswerSecret
      contentType: 'base64'
    }
  }

  resource linkSigningKey 'secrets' = {
    name: 'appraisal-link-signing-key'
    properties: {
      value: appraisalLinkSigningKey
      contentType: 'base64'
    }
  }
}

// The bot's identity may read this vault's secrets (not change them, nor anything else in it).
resource secretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${baseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

// What the app needs to run; the production site and its staging slot share it, so a swap changes only the code.
// The web app's default address (public cloud), known before the app exists so its settings can carry it.
var siteHostName = '${baseName}-web.azurewebsites.net'

var siteConfig = {
  linuxFxVersion: 'DOTNETCORE|10.0'
  alwaysOn: true
  healthCheckPath: '/readyz'
  http20Enabled: true
  minTlsVersion: '1.2'
  scmMinTlsVersion: '1.2'
  ftpsState: 'Disabled'
  appSettings: [
    {
      name: 'MicrosoftAppType'
      value: 'UserAssignedMSI'
    }
    {
      name: 'MicrosoftAppId'
      value: identity.properties.clientId
    }
    {
      name: 'MicrosoftAppTenantId'
      value: identity.properties.tenantId
    }
    {
      name: 'Storage__TableEndpoint'
      value: storage.properties.primaryEndpoints.table
    }
    {
      name: 'Storage__QueueEndpoint'
      value: storage.properties.primaryEndpoints.queue
    }
    {
      name: 'Storage__ManagedIdentityClientId'
      value: identity.properties.clientId
    }
    {
      name: 'Storage__TablePrefix'
      value: tablePrefix
    }
    {
      // The bot's own address, for links to appraisal summary files.
      name: 'Appraisal__PublicBaseUrl'
      value: 'https://${siteHostName}/'
    }
    // The secrets are Key Vault references, resolved by App Service with the identity (keyVaultReferenceIdentity).
    // Each names the secret's version: the same value deployed again keeps its version, so the setting and the app
    // stay as they are; a new value (a new link signing key each deployment, a rotated answer secret) is a new
    // version, which changes the setting and so restarts the app, every instance of it, with the new value.
    {
      name: 'Appraisal__LinkSigningKey'
      value: '@Microsoft.KeyVault(SecretUri=${vault::linkSigningKey.properties.secretUriWithVersion})'
    }
    {
      name: 'Reflection__AnswerSecret'
      value: '@Microsoft.KeyVault(SecretUri=${vault::answerSecret.properties.secretUriWithVersion})'
    }
    {
      // The bot exports traces, metrics and logs itself through OpenTelemetry (Azure Monitor distro) when this is set;
      // App Service's own agent stays off so nothing is collected twice.
      name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
      value: insights.properties.ConnectionString
    }
  ]
}

var siteIdentity = {
  type: 'UserAssigned'
  userAssignedIdentities: {
    '${identity.id}': {}
  }
}

resource web 'Microsoft.Web/sites@2024-04-01' = {
  name: '${baseName}-web'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: siteIdentity
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: siteConfig
  }
  dependsOn: [
    // The app checks its tables and reads its secrets when it starts; let it start only once it may reach them.
    tableAccess
    queueAccess
    secretsAccess
  ]

  // Deploy with Microsoft Entra ID (az webapp deploy uses it), never with FTP or basic-auth publishing passwords.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }

  // New versions go here first; swapping with production releases them, swapping back rolls them back.
  resource staging 'slots' = if (withStagingSlot) {
    name: 'staging'
    location: location
    tags: tags
    kind: 'app,linux'
    identity: siteIdentity
    properties: {
      serverFarmId: plan.id
      httpsOnly: true
      clientAffinityEnabled: false
      keyVaultReferenceIdentity: identity.id
      siteConfig: siteConfig
    }

    resource stagingFtpPublishing 'basicPublishingCredentialsPolicies' = {
      name: 'ftp'
      properties: {
        allow: false
      }
    }

    resource stagingScmPublishing 'basicPublishingCredentialsPolicies' = {
      name: 'scm'
      properties: {
        allow: false
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${baseName}-bot'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }

  resource teams 'channels' = {
    name: 'MsTeamsChannel'
    location: 'global'
    properties: {
      channelName: 'MsTeamsChannel'
      properties: {
        isEnabled: true
      }
    }
  }
}

@description('The Teams app id for manifest/package.js: stable for this resource group, so updates replace the app.')
output teamsAppId string = guid(resourceGroup().id, 'KindnessBot Teams app')

@description('The bot\'s Microsoft App ID: the managed identity\'s client id.')
output botId string = identity.properties.clientId

@description('The web app\'s host name, for the manifest\'s validDomains and the messaging endpoint.')
output domain string = web.properties.defaultHostName

output tenantId string = identity.properties.tenantId
output messagingEndpoint string = bot.properties.endpoint
output webAppName string = web.name
output storageAccountName string = storage.name
@description('The Key Vault holding the bot\'s secrets (reflection-answer-secret, appraisal-link-signing-key).')
output keyVaultName string = vault.name
output botName string = bot.name
output stagingSlotName string = withStagingSlot ? 'staging' : ''
