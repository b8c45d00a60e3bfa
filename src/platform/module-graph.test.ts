import { describe, expect, it } from 'vitest'
import { ModuleGraphError, resolveModules } from './module-graph.js'

const modules = [
  { name: 'web', dependsOn: [] },
  { name: 'identity', dependsOn: [] },
  { name: 'reporting', dependsOn: ['identity'] },
  { name: 'fraud', dependsOn: ['reporting', 'identity'] },
]

describe('resolveModules', () => {
  it('starts every module, dependencies first, when none is named', () => {
    const names = resolveModules(modules).map((m) => m.name)
    expect(names).toHaveLength(4)
    expect(names.indexOf('identity')).toBeLessThan(names.indexOf('reporting'))
    expect(names.indexOf('reporting')).toBeLessThan(names.indexOf('fraud'))
  })

  it('adds the dependencies of the named modules and nothing else', () => {
    expect(resolveModules(modules, ['fraud']).map((m) => m.name)).toEqual([
      'identity',
      'reporting',
      'fraud',
    ])
    expect(resolveModules(modules, ['web']).map((m) => m.name)).toEqual(['web'])
  })

  it('rejects an unknown name and lists the known ones', () => {
    expect(() => resolveModules(modules, ['reportng'])).toThrow(
      new ModuleGraphError(
        'Unknown module "reportng". Known modules: web, identity, reporting, fraud',
      ),
    )
  })

  it('rejects an unknown dependency, naming who wants it', () => {
    expect(() => resolveModules([{ name: 'a', dependsOn: ['ghost'] }])).toThrow(
      /"ghost" \(a dependency of a\)/,
    )
  })

  it('rejects cycles and shows the path', () => {
    const cyclic = [
      { name: 'a', dependsOn: ['b'] },
      { name: 'b', dependsOn: ['c'] },
      { name: 'c', dependsOn: ['a'] },
    ]
    expect(() => resolveModules(cyclic)).toThrow('Module dependency cycle: a → b → c → a')
  })
})
