// Settings for a production deployment. Copy this file for another environment (for example test.bicepparam).
using './main.bicep'

param namePrefix = 'kindnessbot'
param appServiceSku = 'P0v3'
param instanceCount = 2
param stagingSlot = true
param storageSku = 'Standard_ZRS'
param tableNames = [
  'Conversations'
]
param queueNames = [
  'reflection-prompts'
  'reflection-prompts-poison'
]
param botSku = 'S1'
