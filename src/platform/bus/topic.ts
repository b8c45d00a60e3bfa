const token = '[A-Za-z0-9_-]+'
const topicPattern = new RegExp(`^${token}(\\.${token})*$`)
const tokenPattern = new RegExp(`^${token}$`)

/** Longest topic accepted; keeps `<prefix>.<topic>` well inside NATS's subject limits. */
export const maxTopicLength = 200

/** True for a publishable topic: dot-separated tokens of `A-Z a-z 0-9 _ -`, no wildcards. */
export function isTopic(topic: string): boolean {
  return topic.length <= maxTopicLength && topicPattern.test(topic)
}

/** True for a subscription pattern: tokens, `*` for one token, `>` (last) for one or more. */
export function isTopicPattern(pattern: string): boolean {
  if (pattern.length > maxTopicLength) return false
  const tokens = pattern.split('.')
  return tokens.every(
    (part, index) =>
      tokenPattern.test(part) || part === '*' || (part === '>' && index === tokens.length - 1),
  )
}

/**
 * One regular expression matching any of `patterns` with NATS semantics. It uses only syntax
 * that JavaScript and PostgreSQL (`~`) read the same way, so both backends filter identically.
 */
export function topicPatternsRegex(patterns: readonly string[]): string {
  const alternatives = patterns.map((pattern) =>
    pattern
      .split('.')
      .map((part) => (part === '*' ? token : part === '>' ? `${token}(\\.${token})*` : part))
      .join('\\.'),
  )
  return `^(${alternatives.join('|')})$`
}

/** Whether `topic` matches any of `patterns` (NATS wildcard semantics). */
export function matchesTopic(patterns: readonly string[], topic: string): boolean {
  return new RegExp(topicPatternsRegex(patterns)).test(topic)
}

/**
 * The single subject filter a NATS 2.9 consumer can carry for `patterns`: the pattern itself
 * when there is one, else `>` (everything under the prefix, narrowed on the client).
 */
export function serverFilter(patterns: readonly string[]): string {
  return patterns.length === 1 && patterns[0] !== undefined ? patterns[0] : '>'
}
