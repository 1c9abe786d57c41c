import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);

// src/errors.ts
var VersoError = class extends Error {
  code;
  hint;
  /** Details listed under the message, one per line (e.g. every invalid input at once). */
  details;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "VersoError";
    this.code = code;
    this.hint = options.hint;
    this.details = options.details ?? [];
  }
};
function describeError(error) {
  if (error instanceof VersoError) {
    const lines = [error.message, ...error.details.map((d) => `  - ${d}`)];
    if (error.hint) lines.push(error.hint);
    return lines.join("\n");
  }
  if (error instanceof Error) return error.stack ?? error.message;
  return `Unexpected failure: ${typeof error === "string" ? error : JSON.stringify(error)}`;
}
var TOKEN_LIKE = /[A-Za-z0-9+/=_-]{20,}/g;
var looksSecret = (run) => (run.match(/\d/g)?.length ?? 0) >= 3 && (run.match(/[A-Za-z]/g)?.length ?? 0) >= 3;
function excerpt(text) {
  const line = quotable(text);
  return line.length > 40 ? `${line.slice(0, 40)}\u2026` : line;
}
function parserMessage(message) {
  const line = quotable(message.split("\n")[0] ?? "");
  return line.length > 200 ? `${line.slice(0, 200)}\u2026` : line;
}
function quotable(text) {
  return text.replace(/\b(?:gh[pousr]_|github_pat_|AKIA|xox[abpr]-)[A-Za-z0-9_-]{8,}/g, "[redacted]").replace(/[\u0000-\u001f\u007f]+/g, " ").trim().replace(TOKEN_LIKE, (run) => looksSecret(run) ? "[redacted]" : run);
}
function tokenForms(token) {
  const base64 = (text) => Buffer.from(text, "utf8").toString("base64");
  return [token, encodeURIComponent(token), base64(token), base64(`x-access-token:${token}`)];
}

export {
  VersoError,
  describeError,
  excerpt,
  parserMessage,
  tokenForms
};
