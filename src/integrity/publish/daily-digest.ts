import type { ArchivedCheckpoint } from './checkpoint-archive.js'

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export interface DigestInput {
  readonly day: string
  readonly origin: string
  readonly verifierKey: string
  /** The last checkpoint signed by the end of the day, and the one before the day began. */
  readonly checkpoint: ArchivedCheckpoint
  readonly previous: ArchivedCheckpoint | null
}

/**
 * The daily digest: one printable page with the day's last signed checkpoint, so anyone can
 * print it, post it elsewhere (a gazette, a newspaper, another log) and later check that the
 * log they are shown still contains that tree.
 */
export function dailyDigestPage(input: DigestInput): string {
  const { checkpoint, previous } = input
  const added = checkpoint.size - (previous?.size ?? 0)
  const rows: [string, string][] = [
    ['Log', input.origin],
    ['Day (UTC)', input.day],
    ['Tree size', String(checkpoint.size)],
    ['Changes logged this day', String(added)],
    ['Root hash (hex)', checkpoint.root.toString('hex')],
    ['Signed at', checkpoint.signedAt.toISOString()],
    ['Witnesses that cosigned', checkpoint.cosignedBy.join(', ') || 'none configured'],
    ["Log's verifier key", input.verifierKey],
  ]
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Identity log digest ${escape(input.day)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
th{text-align:left;padding-right:1rem;vertical-align:top}td{font-family:monospace;word-break:break-all}
pre{background:#f4f4f4;padding:1rem;white-space:pre-wrap;word-break:break-all}</style></head>
<body><h1>Identity log: daily digest for ${escape(input.day)}</h1>
<p>Every change to an identity record is appended to a public, append-only Merkle log. This page
fixes the log's state at the end of the day. Keep or publish it: any later view of the log must
contain this tree, which <code>mosaic integrity monitor</code> or any C2SP tlog client can check
with a consistency proof.</p>
<table>${rows.map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`).join('')}</table>
<h2>Signed checkpoint</h2><pre>${escape(checkpoint.note)}</pre>
</body></html>
`
}
