module.exports = async function globalTeardown() {
  await globalThis.__SANGATHAN_TEST_POSTGRES__?.stop();
};
