import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** A message as the test SMTP server received it. */
export interface ReceivedMail {
  /** The user that authenticated (SMTP AUTH). */
  readonly user: string | undefined
  readonly mailFrom: string
  readonly rcptTo: string[]
  readonly raw: string
}

/** A real SMTP server on a random loopback port, for tests. */
export interface TestSmtpServer {
  /** `smtp://user:pass@127.0.0.1:<port>`, for `notify.smtpUrl`. */
  readonly url: string
  readonly received: ReceivedMail[]
  close(): Promise<void>
}

export interface TestSmtpServerOptions {
  readonly user: string
  readonly pass: string
  /** Refuses a recipient with this SMTP reply code (e.g. 550 for an unknown user, 451 to defer). */
  readonly rejectRecipient?: (address: string) => number | undefined
}

/**
 * Starts an SMTP server that requires AUTH (PLAIN/LOGIN, allowed without TLS because it only
 * listens on loopback) and keeps every message it accepts.
 */
export async function startTestSmtpServer(options: TestSmtpServerOptions): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.pass) {
        callback(null, { user: auth.username })
      } else {
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
      }
    },
    onRcptTo(address, _session, callback) {
      const code = options.rejectRecipient?.(address.address)
      if (code) callback(Object.assign(new Error('Recipient refused'), { responseCode: code }))
      else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const from = session.envelope.mailFrom
        received.push({
          user: session.user,
          mailFrom: from ? from.address : '',
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  const auth = `${encodeURIComponent(options.user)}:${encodeURIComponent(options.pass)}`
  return {
    url: `smtp://${auth}@127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
