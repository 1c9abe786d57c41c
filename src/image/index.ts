/**
 * The release-image check, pure: schema files and image texts come in as data, results go
 * out as data. The adapters (git show at the last release tag, globbing, writing the
 * image file) and the `verso image check|set|status` commands live elsewhere.
 */

export { checkImage } from './check.js'
export { renderImageCheck, type RenderOptions } from './render-check.js'
export type {
  BumpReason,
  CheckInput,
  Finding,
  ImageCheck,
  ImageRemark,
  ImageWarning,
  Outcome,
  RequiredBump,
  RuleId,
  Suggestion
} from './check-result.js'
export { describeProblem, ImageConfigError, type ConfigProblem } from './config-error.js'
export { buildImage, DEFAULT_IMAGE_FILE, parseImage, renderImage, type Image, type ImageEntry, type ImageLine } from './image.js'
export { inferImpact, type ImpactReason, type InferredImpact } from './json-schema/impact.js'
export { loadTypes, type LoadOptions } from './json-schema/load-types.js'
export { RELEASE_BLOCK_SCHEMA } from './json-schema/release-block.js'
export type { SchemaFile } from './json-schema/schema-files.js'
export type { HistoryEntry, Impact, LoadedTypes, Role, VersionedType } from './versioned-type.js'
