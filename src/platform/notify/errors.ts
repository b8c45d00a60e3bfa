import { AppError } from '../errors.js'

/**
 * The notify vocabulary. Messages name templates, variables and message ids, never a
 * recipient, a rendered body or a variable's value: those are personal data.
 */
export const notifyErrors = {
  templateNotFound: (name: string, channel: string) =>
    new AppError({
      code: 'MOS-NTF-001',
      status: 404,
      message: `No ${channel} template named '${name}' in any language`,
      action: 'Use a built-in template name, or add the template through the template API.',
    }),
  missingVariables: (template: string, names: readonly string[]) =>
    new AppError({
      code: 'MOS-NTF-002',
      status: 400,
      message: `Template '${template}' needs variables that were not given: ${names.join(', ')}`,
      action: 'Pass every listed variable in `variables`.',
    }),
  messageNotFound: (id: string) =>
    new AppError({
      code: 'MOS-NTF-003',
      status: 404,
      message: `No message with id ${id}`,
      action: 'Check the id; messages older than the retention period are purged.',
    }),
  invalidRequest: (problems: readonly string[]) =>
    new AppError({
      code: 'MOS-NTF-004',
      status: 400,
      message: `Invalid notification request: ${problems.join('; ')}`,
      action: 'Correct the named fields and send again.',
    }),
  invalidTemplate: (problem: string) =>
    new AppError({
      code: 'MOS-NTF-005',
      status: 400,
      message: `Invalid template: ${problem}`,
      action: 'Correct the template and save it again.',
    }),
  attachmentsNotSupported: (channel: string) =>
    new AppError({
      code: 'MOS-NTF-006',
      status: 400,
      message: `Attachments can only be sent by email, not by ${channel}`,
      action: 'Send the file by email, or send a link to it instead.',
    }),
  webhookSignatureInvalid: (reason: string) =>
    new AppError({
      code: 'MOS-NTF-401',
      status: 401,
      message: `Webhook signature not accepted: ${reason}`,
      action: 'Check the shared secret and that the body is passed unmodified (raw bytes).',
    }),
  messageUnreadable: (id: string, cause: unknown) =>
    new AppError({
      code: 'MOS-NTF-500',
      status: 500,
      message: `Stored message ${id} could not be decrypted`,
      action: 'Check that the key store holds the key the message was encrypted with.',
      cause,
    }),
}
