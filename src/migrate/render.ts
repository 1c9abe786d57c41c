import type { BranchEntry, Draft, PackageEntry, Setting, WorkflowInput } from './draft.js'

/*
 * Writes a draft as YAML text by hand rather than through a YAML library's stringifier, so
 * that every key carries its comment and the output is the same on every run. Values are
 * quoted only where YAML's syntax needs it, or where a plain value would read as a number.
 */

/** A YAML scalar for text: plain where that reads back as the same text, else double-quoted. */
export function yamlScalar(text: string): string {
  const plain =
    /^[A-Za-z0-9_.][A-Za-z0-9_./+-]*$/.test(text) &&
    // A leading digit reads as a number in most YAML tools (`1.0`, `12`, `.5`): quote it, but for versions.
    (!/^\.?[0-9]/.test(text) || /^\d+\.\d+\.\d+$/.test(text)) &&
    !/^(?:null|yes|no|on|off|\.inf|\.nan)$/i.test(text)
  // JSON's string syntax is YAML's double-quoted scalar.
  return plain ? text : JSON.stringify(text)
}

/** The text of .github/verso.yml: the header, then each setting under its comment. */
export function renderConfig(draft: Pick<Draft, 'settings'>, header: readonly string[]): string {
  const lines: string[] = header.map((line) => `# ${line}`.trimEnd())
  for (const setting of draft.settings) {
    if (lines.length) lines.push('')
    lines.push(...renderSetting(setting))
  }
  return lines.length ? `${lines.join('\n')}\n` : ''
}

function renderSetting(setting: Setting): string[] {
  const comment = commentLines(setting.from)
  switch (setting.kind) {
    case 'default':
      return [...comment, `# ${setting.key}: ${yamlScalar(setting.value)} is verso's default: nothing to write.`]
    case 'option':
      if (typeof setting.value === 'string')
        return [...comment, `${setting.key}: ${setting.value === '' ? "''" : yamlScalar(setting.value)}`]
      if (!setting.value.length) return [...comment, `${setting.key}: []`]
      return [...comment, `${setting.key}:`, ...setting.value.map((item) => `  - ${yamlScalar(item)}`)]
    case 'branches':
      return [...comment, 'branches:', ...setting.entries.flatMap(renderBranch)]
    case 'packages':
      return [...comment, 'packages:', ...setting.entries.flatMap(renderPackage)]
    case 'linked':
      return [...comment, 'linked:', ...setting.groups.map((group) => `  - [${group.map(yamlScalar).join(', ')}]`)]
    default: {
      const never: never = setting
      throw new Error(`unknown setting ${String(never)}`)
    }
  }
}

function commentLines(text: string): string[] {
  return text.split('\n').map((line) => `# ${line}`.trimEnd())
}

function trailing(from: string | null): string {
  return from === null ? '' : ` # ${from}`
}

function renderBranch(entry: BranchEntry): string[] {
  if (entry.range === null && entry.prerelease === null) return [`  - ${yamlScalar(entry.name)}${trailing(entry.from)}`]
  const lines = [`  - name: ${yamlScalar(entry.name)}${trailing(entry.from)}`]
  if (entry.range !== null) lines.push(`    range: ${yamlScalar(entry.range)}`)
  if (entry.prerelease !== null) lines.push(`    prerelease: ${yamlScalar(entry.prerelease)}`)
  return lines
}

function renderPackage(entry: PackageEntry): string[] {
  return [
    `  - name: ${yamlScalar(entry.name)}${trailing(entry.from)}`,
    `    path: ${yamlScalar(entry.path)}`,
    `    tag-format: ${yamlScalar(entry.tagFormat)}`,
    ...entry.settings.flatMap(({ key, value }) =>
      typeof value === 'string'
        ? [`    ${key}: ${value === '' ? "''" : yamlScalar(value)}`]
        : value.length
          ? [`    ${key}:`, ...value.map((item) => `      - ${yamlScalar(item)}`)]
          : [`    ${key}: []`]
    )
  ]
}

/**
 * The release job's steps: checkout, then verso with the inputs that belong in the
 * workflow. `on.push.branches` lists the branches that release, when the policy names them.
 */
export function renderWorkflow(inputs: readonly WorkflowInput[], releaseBranches: readonly string[] | null): string {
  const on =
    releaseBranches === null
      ? ['#   on: push: branches: [main]            # the default branch releases']
      : [`#   on: push: branches: [${releaseBranches.map(yamlScalar).join(', ')}]`]
  const lines = [
    '# The steps of the release job in .github/workflows/release.yml, with',
    ...on,
    '#   permissions: contents: write          # push the release tag (and commit), create the GitHub Release',
    '- uses: actions/checkout@v4',
    '  # Keep the default persist-credentials: verso pushes with the credentials checkout stores.',
    '  # The default shallow clone works: verso fetches the tags and as much history as it needs.',
    '- id: verso',
    '  uses: OWNER/verso@v1',
    '  # github-token stays the default, ${{ github.token }}: it can tag and release. Every other',
    '  # setting is read from .github/verso.yml.'
  ]
  if (inputs.length) {
    lines.push('  with:')
    for (const input of inputs) lines.push(`    ${input.name}: ${yamlScalar(input.value)} # ${input.from}`)
  }
  return `${lines.join('\n')}\n`
}
