/** Validation of commit messages and pull request titles against Conventional Commits. */
export { DEFAULT_TYPES } from './commit-types.js'
export { DEFAULT_MAX_HEADER_LENGTH, validateMessage, validateTitle, type MessageOptions, type TitleOptions } from './message.js'
export { renderProblem, type Problem, type ProblemCode, type ProblemSubject } from './problem.js'
export { stripComments } from './comments.js'
export { checkSquashTitle, type SquashCommit, type SquashOptions } from './squash.js'
