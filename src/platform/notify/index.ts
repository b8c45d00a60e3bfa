/**
 * @module
 * Notifications: email over SMTP, SMS through an HTTP gateway and signed webhooks, rendered
 * from per-language templates and stored encrypted before they are sent. See docs/notify.md.
 */
export { builtinTemplates } from './builtin-templates.js'
export { notifyErrors } from './errors.js'
export { createHttpSmsTransport, type HttpSmsTransportOptions } from './http-sms-transport.js'
export { createHttpWebhookTransport } from './http-webhook-transport.js'
export type { NotifyLogger, Transports } from './message-delivery.js'
export { notifyJobs, type NotifyJob, type NotifyJobsOptions } from './notify.jobs.js'
export { notifyMigrations } from './notify.migrations.js'
export { registerNotifyRoutes } from './notify.routes.js'
export {
  createNotifyService,
  type NotifyService,
  type NotifyServiceOptions,
  type RetryReport,
  type SendResult,
} from './notify.service.js'
export type { Channel, MessageStatus, NotifyTables } from './notify.tables.js'
export {
  languageSchema,
  notifyTemplateSchema,
  templateNameSchema,
  type NotifyTemplate,
  type TemplateChannel,
} from './notify-template.js'
export type { OutboxMessage, OutboxPage, OutboxQuery, OutboxReader } from './outbox-reader.js'
export {
  escapeHtml,
  renderTemplate,
  templateVariables,
  type RenderedContent,
  type TemplateVariables,
} from './render-template.js'
export { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js'
export type { SendRequest, WebhookRequest } from './send-request.schema.js'
export { createSmtpEmailTransport, type SmtpEmailTransportOptions } from './smtp-email-transport.js'
export type { CatalogTemplate, TemplateCatalog } from './template-catalog.js'
export type {
  DeliveryOutcome,
  EmailTransport,
  OutgoingEmail,
  OutgoingSms,
  OutgoingWebhook,
  SmsTransport,
  WebhookTransport,
} from './transport.js'
export {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  webhookSecretSchema,
  type HeaderSource,
  type WebhookHeaders,
} from './webhook-signature.js'
