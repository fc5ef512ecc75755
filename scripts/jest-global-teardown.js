const fs = require('node:fs');

module.exports = async function globalTeardown() {
  await globalThis.__SANGATHAN_TEST_POSTGRES__?.stop();
  const privateDir = globalThis.__SANGATHAN_TEST_PRIVATE_DIR__;
  if (privateDir) fs.rmSync(privateDir, { recursive: true, force: true });
};
