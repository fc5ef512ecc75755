const fs = require('node:fs');

module.exports = async function globalTeardown() {
  await globalThis.__SANGATHAN_TEST_POSTGRES__?.stop();
  for (const dir of globalThis.__SANGATHAN_TEST_PRIVATE_DIRS__ ?? []) fs.rmSync(dir, { recursive: true, force: true });
};
