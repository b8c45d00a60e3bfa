/** What module composition needs to know about a module. */
export interface ModuleNode {
  readonly name: string
  readonly dependsOn: readonly string[]
}

/** Thrown for an unknown module name or a dependency cycle; the message says which. */
export class ModuleGraphError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ModuleGraphError'
  }
}

/**
 * The modules to start for `--only a,b` (all when `only` is empty): the named ones plus
 * everything they depend on, ordered so that each comes after its dependencies.
 */
export function resolveModules<M extends ModuleNode>(
  all: readonly M[],
  only: readonly string[] = [],
): M[] {
  const byName = new Map(all.map((module) => [module.name, module]))
  const lookup = (name: string, wantedBy?: string): M => {
    const module = byName.get(name)
    if (!module) {
      const known = [...byName.keys()].join(', ') || '(none)'
      const by = wantedBy ? ` (a dependency of ${wantedBy})` : ''
      throw new ModuleGraphError(`Unknown module "${name}"${by}. Known modules: ${known}`)
    }
    return module
  }

  const ordered: M[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (module: M, path: string[]) => {
    const seen = state.get(module.name)
    if (seen === 'done') return
    if (seen === 'visiting') {
      throw new ModuleGraphError(`Module dependency cycle: ${[...path, module.name].join(' → ')}`)
    }
    state.set(module.name, 'visiting')
    for (const dependency of module.dependsOn)
      visit(lookup(dependency, module.name), [...path, module.name])
    state.set(module.name, 'done')
    ordered.push(module)
  }

  const roots = only.length > 0 ? only.map((name) => lookup(name)) : all
  for (const module of roots) visit(module, [])
  return ordered
}
