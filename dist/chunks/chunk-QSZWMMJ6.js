import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);

// src/commits/bump.ts
var BUMPS = ["major", "minor", "patch", "none"];
var RANK = { none: 0, patch: 1, minor: 2, major: 3 };
function maxBump(a, b) {
  return RANK[a] >= RANK[b] ? a : b;
}
function compareBumps(a, b) {
  return RANK[a] - RANK[b];
}
function isBump(value) {
  return BUMPS.includes(value);
}

export {
  maxBump,
  compareBumps,
  isBump
};
