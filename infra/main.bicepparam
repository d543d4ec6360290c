// Settings for a production deployment. Copy this file for another environment (for example test.bicepparam).
using './main.bicep'

param namePrefix = 'kindnessbot'
param appServiceSku = 'P0v3'
param instanceCount = 2
param stagingSlot = true
param storageSku = 'Standard_ZRS'
// Made once and kept (openssl rand -base64 32), then given to every deployment through the environment; the deployment
// stores it in its Key Vault, and the app settings only refer to it.
param reflectionAnswerSecret = readEnvironmentVariable('KINDNESSBOT_ANSWER_SECRET', '')
param botSku = 'S1'
