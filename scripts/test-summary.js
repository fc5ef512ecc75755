// Prints the last jest run's totals as one plain line ("N passed, N failed"), from the JSON that
// `npm test` writes to test-artifacts/jest-results.json.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'test-artifacts', 'jest-results.json');
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
console.log(`Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`);
process.exit(results.success ? 0 : 1);
