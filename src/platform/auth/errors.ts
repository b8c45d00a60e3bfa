import { AppError } from '../errors.js'

/** Authentication and account errors. */
export const authErrors = {
  invalidCredentials: () =>
    new AppError({
      code: 'KER-ATH-401',
      status: 401,
      message: 'Invalid username or password',
      action: 'Check your username and password; accounts lock after repeated failures.',
    }),
  locked: (until: Date) =>
    new AppError({
      code: 'MOS-AUT-423',
      status: 423,
      message: `Account locked after repeated failed sign-ins, until ${until.toISOString()}`,
      action: 'Wait until then, or ask an administrator to reset your password.',
    }),
  disabled: () =>
    new AppError({
      code: 'MOS-AUT-403',
      status: 403,
      message: 'This account is disabled',
      action: 'Ask an administrator to enable it.',
    }),
  sessionExpired: () =>
    new AppError({
      code: 'KER-ATH-401',
      status: 401,
      message: 'Session expired or signed out',
      action: 'Sign in again.',
    }),
  passwordChangeRequired: () =>
    new AppError({
      code: 'MOS-AUT-428',
      status: 403,
      message: 'You must change your one-time password first',
      action: 'Change your password, then continue.',
    }),
  weakPassword: (reason: string) =>
    new AppError({
      code: 'MOS-AUT-400',
      status: 400,
      message: `Password not accepted: ${reason}`,
      action: 'Choose a password of at least 12 characters that is not your username.',
    }),
  usernameTaken: (username: string) =>
    new AppError({
      code: 'MOS-AUT-409',
      status: 409,
      message: `A staff user named ${username} already exists`,
      action: 'Choose another username.',
    }),
  staffUserNotFound: () =>
    new AppError({ code: 'MOS-AUT-404', status: 404, message: 'Staff user not found' }),
  staffNameUnreadable: (userId: string, cause: unknown) =>
    new AppError({
      code: 'MOS-AUT-500',
      status: 500,
      message: `Failed to decrypt the display name of staff user ${userId}: the stored value was altered or belongs to another user`,
      action:
        'An administrator can set the name again (PATCH /api/v1/staff-users/{id} with displayName), or restore the row from backup; if many users fail, check the master key and key store.',
      cause,
    }),
  partnerNotFound: (id: string) =>
    new AppError({ code: 'MOS-PMS-404', status: 404, message: `Partner ${id} not found` }),
  partnerExists: (id: string) =>
    new AppError({
      code: 'MOS-PMS-409',
      status: 409,
      message: `Partner ${id} already exists`,
      action: 'Choose another partner id.',
    }),
  invalidApiKey: () =>
    new AppError({
      code: 'KER-ATH-401',
      status: 401,
      message: 'Invalid, expired or revoked API key',
      action: 'Use an active API key issued to your organisation.',
    }),
  outsideZone: () =>
    new AppError({
      code: 'KER-ATH-403',
      status: 403,
      message: 'Forbidden: outside the zones you administer',
      action: 'Ask an administrator of that zone.',
    }),
  crossSiteRequest: () =>
    new AppError({
      code: 'KER-ATH-403',
      status: 403,
      message: 'Forbidden: cross-site request',
      action: 'Use the portal itself to make this change.',
    }),
}
