import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);

// src/versions/calver/time-zone.ts
function dateInZone(instant, timeZone) {
  if (timeZone === "UTC") return instant;
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type) => Number(parts.find((p) => p.type === type)?.value);
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(part("year"), part("month") - 1, part("day"));
  return date;
}
function formatDateInZone(instant, timeZone) {
  return dateInZone(instant, timeZone).toISOString().slice(0, 10);
}
function isTimeZone(timeZone) {
  if (timeZone === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export {
  dateInZone,
  formatDateInZone,
  isTimeZone
};
