/**
 * Fingerprints of folded definitions: sha256 over the RFC 8785 (JCS) form, so key order,
 * whitespace and number spelling (`1.0` vs `1`) never count as a change. The `j1s-`
 * prefix names the scheme (JCS, definition format 1, sha256), so a later change to what
 * goes into a definition can use a new prefix instead of silently flagging every type.
 */

import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

export const FINGERPRINT_SCHEME = 'j1s'
export const FINGERPRINT_PATTERN = /^[a-z][a-z0-9]*-[0-9a-f]{16}$/

export function fingerprintDefinition(definition: unknown): string {
  const text = canonicalize(definition) ?? 'null'
  return `${FINGERPRINT_SCHEME}-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)}`
}
