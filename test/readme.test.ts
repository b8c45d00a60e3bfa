import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { settingsTable } from '../src/cli/admin.commands.js'
import { allModules } from '../src/modules.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('shows the two commands a newcomer runs', () => {
    expect(readme).toContain('npm ci && npm start')
    expect(readme).toContain('npm test')
  })

  it('lists every setting exactly as the code defines them', () => {
    const section = /<!-- settings:begin[^>]*-->\n([\s\S]*?)\n<!-- settings:end -->/.exec(
      readme,
    )?.[1]
    expect(section?.trim()).toBe(settingsTable().trim())
  })

  it('has a row for every module', () => {
    for (const module of allModules)
      expect(readme).toMatch(new RegExp(`\\| \`${module.name}\` \\|`))
  })
})
