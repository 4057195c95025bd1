'use strict';
// Runs the README's TypeScript example (examples/quickstart.js) against the service, as a user would.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const axios = require('axios');

test('the README example runs against the service', async () => {
  const created = await axios.post(`${process.env.RB_BASE_URL}/admin/users`, { name: 'ts-example' },
    { headers: { 'X-API-Key': process.env.RB_ADMIN_KEY } });
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, '..', 'examples', 'quickstart.js')], {
    env: { ...process.env, RECALLBRICKS_URL: process.env.RB_BASE_URL, RECALLBRICKS_API_KEY: created.data.api_key },
  });
  assert.match(stdout, /^found: The team chose PostgreSQL for the memory store \d\.\d{3}$/m);
  assert.match(stdout, /^predictions: \d+ suggestions: [1-9]\d* graph nodes: 1$/m);
});
