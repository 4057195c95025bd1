'use strict';
// The README's TypeScript example ("Using the official SDKs"), run as it is by test/example.test.js.
// RECALLBRICKS_URL: the service's /api/v1 root; RECALLBRICKS_API_KEY: a tenant's key.
const { RecallBricks } = require('recallbricks');

async function main() {
  const rb = new RecallBricks({
    apiKey: process.env.RECALLBRICKS_API_KEY,
    baseUrl: process.env.RECALLBRICKS_URL || 'http://127.0.0.1:8080/api/v1',
  });

  const memory = await rb.createMemory('The team chose PostgreSQL for the memory store', {
    tags: ['decision'], metadata: { origin: 'chat' },
  });
  const { results } = await rb.search('PostgreSQL memory store', { limit: 5 }); // [{ memory, score }]
  console.log('found:', results[0].memory.text, results[0].score.toFixed(3));
  await rb.updateMemory(memory.id, { tags: ['decision', 'db'] }); // PATCH
  const { predictions } = await rb.predictMemories({ context: 'PostgreSQL migration' });
  const { suggestions } = await rb.suggestMemories('PostgreSQL store', { minConfidence: 0.3 });
  const graph = await rb.getGraphContext(memory.id, 2); // { root_id, depth, nodes, total_nodes }
  console.log('predictions:', predictions.length, 'suggestions:', suggestions.length, 'graph nodes:', graph.total_nodes);
  await rb.deleteMemory(memory.id); // true
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
