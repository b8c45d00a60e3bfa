/** Quotes a PostgreSQL identifier for the few statements that cannot take parameters. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
