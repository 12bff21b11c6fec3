metadata description = 'Alert when a message lands in a poison queue (it failed maxDequeueCount times, e.g. a receipt mail that could not be sent).'

@description('Name of the action group.')
param actionGroupName string

@description('Name of the alert rule.')
param alertName string

@description('Azure region of the alert rule.')
param location string

@description('Tags for the resources.')
param tags object

@description('Resource ID of the Log Analytics workspace the app logs to.')
param workspaceId string

@description('Poison queues to watch.')
param poisonQueues string[]

@description('Who gets the alert mail.')
param alertEmail string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'kok-alerts'
    enabled: true
    emailReceivers: [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// The storage metric QueueMessageCount covers the whole account, not one queue, and reading queue lengths directly
// needs a data-plane identity (shared keys are off). So the alert watches the Functions host's own log line, written
// when it moves a message to a poison queue: "Message has reached MaxDequeueCount of 5. Moving message to queue 'x-poison'."
// The app's queue functions use the same words when they park a message themselves (unreadable, unknown subject).
var query = '''
AppTraces
| where Message has "Moving message to queue"
| extend Queue = extract(@"Moving message to queue '([^']+)'", 1, Message)
| where Queue in (dynamic(QUEUES))
| summarize Messages = count() by Queue
'''

resource poisonAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: alertName
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'KOK: message moved to a poison queue'
    description: 'A queue message failed repeatedly and was moved to its poison queue. Look at the exceptions of that function in Application Insights, fix the cause, then move the message back to its queue (README, Deploy to Azure).'
    severity: 2
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: replace(query, 'QUEUES', string(poisonQueues))
          timeAggregation: 'Total'
          metricMeasureColumn: 'Messages'
          dimensions: [
            {
              name: 'Queue'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    // A brand-new workspace has no AppTraces table until the app first logs; without this the rule fails to create.
    skipQueryValidation: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

@description('Resource ID of the poison-queue alert rule.')
output alertId string = poisonAlert.id
