import { createApiClient } from '../shared/api.js'
import { createStaffAuth } from '../shared/staff-auth.js'

/** The admin console's API client (same origin as the page). */
export const api = createApiClient()

/** Staff sign-in, refresh, password change and sign-out, bound to `api`. */
export const staffAuth = createStaffAuth(api)
