/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // pdf.js as CommonJS for Jest (see test/support/pdfjsForJest.js).
  globalSetup: "<rootDir>/test/support/pdfjsForJest.js",
  moduleNameMapper: { "^pdfjs-dist/legacy/build/(pdf|pdf\\.worker)\\.mjs$": "<rootDir>/test-output/pdfjs-cjs/$1.cjs" },
};
