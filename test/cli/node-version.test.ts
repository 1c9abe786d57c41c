import { describe, expect, it } from 'vitest'
import { unsupportedNode } from '../../src/cli/node-version.js'

describe('the Node.js versions the CLI runs on', () => {
  it.each(['22.17.0', '22.23.3', '24.21.0', '25.1.0', 'v26.0.0'])('%s is supported', (version) => {
    expect(unsupportedNode(version)).toBe(null)
  })

  // Before 22.17 path.matchesGlob warns (22.5 to 22.16) or is missing (before 22.5).
  it.each(['22.16.0', '22.4.1', '20.20.2', '18.19.0', 'v16.0.0', 'nonsense'])(
    '%s is refused in one line that says what to install',
    (version) => {
      const refusal = unsupportedNode(version)
      expect(refusal).toMatch(
        /^verso needs Node\.js 22\.17 or later, and this is Node\.js .+: install Node\.js 24 \(LTS\), or 22 from 22\.17 on\.$/
      )
      expect(refusal).not.toContain('\n')
    }
  )

  it('the Node.js running the tests is supported', () => {
    expect(unsupportedNode(process.versions.node)).toBe(null)
  })
})
