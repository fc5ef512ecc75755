#!/usr/bin/env node
// `npm run seed`: creates the databases, runs migrations and loads the demo data. Safe to run again.
require('reflect-metadata');
const { resolveServer, prepareDatabases, migrateAndSeed } = require('./services');

async function main() {
  const started = Date.now();
  const server = await resolveServer(process.env);
  try {
    const log = (message) => console.log(`[seed] ${message}`);
    const { superadmin } = await migrateAndSeed(await prepareDatabases(server.serverUrl, log), log);
    if (superadmin.generatedPassword) {
      console.log(`[seed] superadmin ${superadmin.email} created with password ${superadmin.generatedPassword} (shown only this once)`);
    }
  } finally {
    await server.stop();
  }
  console.log(`[seed] done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

main().catch((error) => {
  console.error(`[seed] failed: ${error.message}`);
  process.exit(1);
});
