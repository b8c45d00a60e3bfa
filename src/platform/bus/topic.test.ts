import { describe, expect, it } from 'vitest'
import { isTopic, isTopicPattern, matchesTopic, serverFilter } from './topic.js'

describe('topics and patterns', () => {
  it('accepts dot-separated tokens of A-Z a-z 0-9 _ - as topics, and nothing else', () => {
    for (const topic of ['identity.created', 'a', 'reg-packet.v_2.OK'])
      expect(isTopic(topic)).toBe(true)
    for (const topic of [
      '',
      'a..b',
      '.a',
      'a.',
      'a b',
      'a.*',
      'a.>',
      'é.x',
      'a/b',
      'x'.repeat(201),
    ]) {
      expect(isTopic(topic), topic).toBe(false)
    }
  })

  it('accepts * anywhere and > only as the last token in patterns', () => {
    for (const pattern of ['a.*', '*.b', '*', '>', 'a.>', 'a.*.>'])
      expect(isTopicPattern(pattern), pattern).toBe(true)
    for (const pattern of ['a.>.b', 'a.b*', 'a.**', '', 'a..b', '>.a'])
      expect(isTopicPattern(pattern), pattern).toBe(false)
  })

  it('matches with NATS semantics: * is exactly one token, > one or more', () => {
    expect(matchesTopic(['identity.*'], 'identity.created')).toBe(true)
    expect(matchesTopic(['identity.*'], 'identity.vid.revoked')).toBe(false)
    expect(matchesTopic(['identity.*'], 'identity')).toBe(false)
    expect(matchesTopic(['identity.>'], 'identity.vid.revoked')).toBe(true)
    expect(matchesTopic(['identity.>'], 'identity')).toBe(false)
    expect(matchesTopic(['*.created'], 'consent.created')).toBe(true)
    expect(matchesTopic(['a.b', 'c.>'], 'c.d.e')).toBe(true)
    expect(matchesTopic(['a-b.c'], 'aXb.c')).toBe(false)
    expect(matchesTopic(['>'], 'anything.at.all')).toBe(true)
  })

  it('gives NATS 2.9 one server filter: the pattern itself, or everything for several', () => {
    expect(serverFilter(['identity.*'])).toBe('identity.*')
    expect(serverFilter(['identity.*', 'consent.>'])).toBe('>')
  })
})
