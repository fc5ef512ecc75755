const fs = require('node:fs');

module.exports = async function globalTeardown() {
  await globalThis.__SANGATHAN_TEST_POSTGRES__?.stop();
  // A private cluster: its folder, and where it really lives when that is elsewhere (root, private home).
  for (const dir of globalThis.__SANGATHAN_TEST_PRIVATE_DIR__ ?? []) fs.rmSync(dir, { recursive: true, force: true });
};
