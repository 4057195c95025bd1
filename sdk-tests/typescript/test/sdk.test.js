'use strict';
// Drives the official TypeScript SDK (npm recallbricks 2.1.0, unchanged) against a running service and checks the
// raw results of every core method, round-tripping the data it stores. Started by ../../run.sh, which provides:
//   RB_BASE_URL   the SDK's baseUrl, e.g. http://127.0.0.1:18123/api/v1
//   RB_API_KEY    a tenant's API key
//   RB_ADMIN_KEY  the operator key, to create further tenants where a test counts what a tenant has
const { test, describe, before } = require('node:test');
const assert = require('node:assert/strict');
const axios = require('axios');
const { RecallBricks, RecallBricksError } = require('recallbricks');

const BASE_URL = required('RB_BASE_URL');
const API_KEY = required('RB_API_KEY');
const ADMIN_KEY = required('RB_ADMIN_KEY');

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run sdk-tests/run.sh`);
  }
  return value;
}

/** The SDK as a user constructs it: only the key and the service's URL. */
function sdk(apiKey) {
  return new RecallBricks({ apiKey, baseUrl: BASE_URL });
}

/** Plain HTTP for what the SDK has no method for (tenants, reads, relationships, Idempotency-Key). */
function http(apiKey) {
  return axios.create({ baseURL: BASE_URL, headers: { 'X-API-Key': apiKey }, validateStatus: () => true });
}

async function newTenant(name) {
  const created = await http(ADMIN_KEY).post('/admin/users', { name });
  assert.equal(created.status, 201, JSON.stringify(created.data));
  return created.data.api_key;
}

async function relate(apiKey, from, to, type, strength) {
  const created = await http(apiKey).post('/relationships',
    { memory_id: from, related_memory_id: to, relationship_type: type, strength });
  assert.equal(created.status, 201, JSON.stringify(created.data));
  return created.data;
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the SDK call to reject');
}

describe('memories', () => {
  const client = sdk(API_KEY);

  test('createMemory stores text, tags, metadata and timestamp, and answers the memory', async () => {
    const memory = await client.createMemory('The team chose PostgreSQL for the memory store', {
      tags: ['db', 'decision'],
      metadata: { origin: 'ts-sdk', priority: 2 },
      timestamp: '2025-03-01T09:30:00+01:00',
    });
    assert.match(memory.id, /^[0-9a-f-]{36}$/);
    assert.equal(memory.text, 'The team chose PostgreSQL for the memory store');
    assert.deepEqual(memory.tags, ['db', 'decision']);
    assert.deepEqual(memory.metadata, { origin: 'ts-sdk', priority: 2, timestamp: '2025-03-01T08:30:00Z' });
    assert.ok(Date.parse(memory.created_at) > 0);
    assert.ok(Date.parse(memory.updated_at) > 0);
    assert.equal(memory.embedding, undefined, 'embeddings are never sent');
  });

  test('listMemories pages with limit, offset, tags and sort, and reports total, limit and offset', async () => {
    const own = sdk(await newTenant('ts-list'));
    for (const text of ['first', 'second', 'third']) {
      await own.createMemory(text, { tags: ['ts-list'] });
    }
    await own.createMemory('untagged');

    const page = await own.listMemories({ limit: 2, offset: 0, tags: ['ts-list'] });
    assert.deepEqual(page.memories.map((m) => m.text), ['third', 'second']);
    assert.equal(page.total, 3);
    assert.equal(page.limit, 2);
    assert.equal(page.offset, 0);
    const rest = await own.listMemories({ limit: 2, offset: 2, tags: ['ts-list'] });
    assert.deepEqual(rest.memories.map((m) => m.text), ['first']);
    const oldest = await own.listMemories({ limit: 2, sort: 'asc', sortBy: 'created_at', tags: ['ts-list'] });
    assert.deepEqual(oldest.memories.map((m) => m.text), ['first', 'second']);
  });

  test('updateMemory sends PATCH and answers the updated memory', async () => {
    const created = await client.createMemory('Deploys happen on Mondays', { tags: ['ops'], metadata: { v: 1 } });
    const updated = await client.updateMemory(created.id, {
      text: 'Deploys happen on Tuesdays',
      tags: ['ops', 'schedule'],
      metadata: { v: 2 },
    });
    assert.equal(updated.id, created.id);
    assert.equal(updated.text, 'Deploys happen on Tuesdays');
    assert.deepEqual(updated.tags, ['ops', 'schedule']);
    assert.deepEqual(updated.metadata, { v: 2 });
    const listed = await client.listMemories({ tags: ['schedule'] });
    assert.ok(listed.memories.some((m) => m.id === created.id && m.text === 'Deploys happen on Tuesdays'));
  });

  test('deleteMemory resolves true, and the memory is gone (404 with the code)', async () => {
    const created = await client.createMemory('Temporary note to delete');
    assert.equal(await client.deleteMemory(created.id), true);

    const error = await rejection(client.updateMemory(created.id, { text: 'too late' }));
    assert.ok(error instanceof RecallBricksError);
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'NOT_FOUND');
  });

  test('a bad API key is a 401 with the code UNAUTHORIZED, not retried', async () => {
    const error = await rejection(sdk('rb_not_a_real_key').listMemories());
    assert.ok(error instanceof RecallBricksError);
    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'UNAUTHORIZED');
  });
});

describe('retrieval', () => {
  let client;
  let key;
  let memories;

  before(async () => {
    key = await newTenant('ts-retrieval');
    client = sdk(key);
    memories = {
      tls: await client.createMemory('Rotate the TLS certificates every 60 days', { tags: ['security'], metadata: { owner: 'ops' } }),
      checklist: await client.createMemory('Release checklist: tag, build, sign'),
      signing: await client.createMemory('Sign the release build before uploading it'),
    };
  });

  test('search answers results of {memory, score}', async () => {
    const found = await client.search('TLS certificates', { limit: 5 });
    assert.equal(found.query, 'TLS certificates');
    assert.ok(found.results.length >= 1);
    const [first] = found.results;
    assert.equal(first.memory.id, memories.tls.id);
    assert.equal(first.memory.text, 'Rotate the TLS certificates every 60 days');
    assert.deepEqual(first.memory.tags, ['security']);
    assert.equal(typeof first.score, 'number');
    assert.ok(first.score > 0);
  });

  test('searchWeighted answers results with the memory fields and relevance_score', async () => {
    const found = await client.searchWeighted('TLS certificates', {
      limit: 5, weightByUsage: true, decayOldMemories: true, adaptiveWeights: true, minHelpfulnessScore: 0.2,
    });
    assert.equal(found.query, 'TLS certificates');
    const [first] = found.results;
    assert.equal(first.id, memories.tls.id);
    assert.equal(first.text, memories.tls.text);
    assert.deepEqual(first.tags, ['security']);
    assert.deepEqual(first.metadata, { owner: 'ops' });
    assert.equal(first.created_at, memories.tls.created_at);
    assert.ok(Date.parse(first.updated_at) > 0);
    assert.ok(first.relevance_score > 0);

    const strict = await client.searchWeighted('TLS certificates', { minHelpfulnessScore: 0.9 });
    assert.deepEqual(strict.results, [], 'new memories have helpfulness 0.5');
  });

  test('predictMemories posts a JSON body and answers id, content, confidence_score and reasoning', async () => {
    await relate(key, memories.checklist.id, memories.signing.id, 'follows', 1.0);

    const predicted = await client.predictMemories({
      context: 'release build signing', recentMemoryIds: [memories.checklist.id], limit: 5,
    });
    const [first] = predicted.predictions;
    assert.equal(first.id, memories.signing.id);
    assert.equal(first.content, 'Sign the release build before uploading it');
    assert.ok(first.confidence_score > 0 && first.confidence_score <= 1);
    assert.equal(typeof first.reasoning, 'string');
    assert.match(first.reasoning, /follows relationship/);
    assert.ok(!predicted.predictions.some((p) => p.id === memories.checklist.id), 'recent memories are not predicted');
  });

  test('suggestMemories answers id, content, confidence and reasoning as a string', async () => {
    const suggested = await client.suggestMemories('TLS certificates rotation', {
      limit: 3, minConfidence: 0.1, includeReasoning: true,
    });
    const [first] = suggested.suggestions;
    assert.equal(first.id, memories.tls.id);
    assert.equal(first.content, memories.tls.text);
    assert.ok(first.confidence >= 0.1 && first.confidence <= 1.5);
    assert.equal(typeof first.relevance_context, 'string');
    // SuggestedMemory.reasoning?: string; the original's flags are reasoning_detail.
    assert.equal(typeof first.reasoning, 'string');
    assert.match(first.reasoning.toLowerCase(), /semantic match/);
    assert.equal(typeof first.reasoning_detail, 'object');
  });
});

describe('relationships', () => {
  let client;
  let key;
  let a;
  let b;
  let c;

  before(async () => {
    key = await newTenant('ts-graph');
    client = sdk(key);
    a = await client.createMemory('Service A calls service B');
    b = await client.createMemory('Service B reads from Redis');
    c = await client.createMemory('Redis runs on the cache host');
    await relate(key, a.id, b.id, 'related_to', 0.9);
    await relate(key, b.id, c.id, 'caused_by', 0.4);
  });

  test('getRelationships answers outgoing and incoming edges', async () => {
    const ofB = await client.getRelationships(b.id);
    assert.equal(ofB.memory_id, b.id);
    assert.deepEqual(ofB.outgoing.map((r) => [r.source_id, r.target_id, r.type, r.strength]), [[b.id, c.id, 'caused_by', 0.4]]);
    assert.deepEqual(ofB.incoming.map((r) => [r.source_id, r.target_id, r.type, r.strength]), [[a.id, b.id, 'related_to', 0.9]]);
  });

  test('getGraphContext answers nodes with their memory and depth', async () => {
    const graph = await client.getGraphContext(a.id, 2);
    assert.equal(graph.root_id, a.id);
    assert.equal(graph.depth, 2);
    assert.equal(graph.total_nodes, 3);
    assert.deepEqual(graph.nodes.map((n) => [n.memory.id, n.memory.text, n.depth]),
      [[a.id, a.text, 0], [b.id, b.text, 1], [c.id, c.text, 2]]);
    assert.equal(graph.nodes[1].relationships.length, 2, 'B touches both edges');

    const shallow = await client.getGraphContext(a.id, 1);
    assert.deepEqual(shallow.nodes.map((n) => n.memory.id), [a.id, b.id]);
  });

  test('the graph of an unknown memory is a 404', async () => {
    const error = await rejection(client.getGraphContext('00000000-0000-0000-0000-000000000000'));
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'NOT_FOUND');
  });
});

describe('analytics', () => {
  let client;
  let key;
  let first;
  let second;

  before(async () => {
    key = await newTenant('ts-analytics');
    client = sdk(key);
    first = await client.createMemory('Analytics: the on-call rota');
    second = await client.createMemory('Analytics: the escalation policy');
    // The SDK has no single-memory read; reads are what usage analytics count.
    const raw = http(key);
    for (const id of [first.id, second.id, first.id]) {
      assert.equal((await raw.get(`/memories/${id}`)).status, 200);
    }
  });

  test('getLearningMetrics answers avg_helpfulness, total_usage, active_memories and trends', async () => {
    const metrics = await client.getLearningMetrics(7);
    assert.equal(metrics.avg_helpfulness, 0.5);
    assert.equal(metrics.total_usage, 3);
    assert.equal(metrics.active_memories, 2);
    assert.equal(metrics.trends.helpfulness_trend, 'stable');
    assert.equal(metrics.trends.usage_trend, 'increasing');
    assert.equal(metrics.trends.active_memories_trend, 'growing');
  });

  test('getPatterns answers frequently accessed, co-access and temporal patterns', async () => {
    const patterns = await client.getPatterns(14);
    assert.deepEqual(patterns.frequently_accessed.map((f) => [f.memory_id, f.access_count]),
      [[first.id, 2], [second.id, 1]]);
    assert.ok(Date.parse(patterns.frequently_accessed[0].last_accessed) > 0);
    assert.equal(patterns.co_access_patterns.length, 1);
    assert.deepEqual([...patterns.co_access_patterns[0].memory_ids].sort(), [first.id, second.id].sort());
    assert.ok(patterns.co_access_patterns[0].frequency >= 1);
    assert.equal(patterns.co_access_patterns[0].strength, 1);
    assert.equal(patterns.temporal_patterns.length, 1, 'all reads happened just now');
    assert.ok(['morning', 'afternoon', 'evening', 'night'].includes(patterns.temporal_patterns[0].time_period));
    assert.equal(patterns.temporal_patterns[0].frequency, 3);
  });
});

describe('idempotent creation (Idempotency-Key)', () => {
  test('a retried POST returns the first memory; the same key with another body is refused', async () => {
    const key = await newTenant('ts-idempotency');
    const raw = http(key);
    const headers = { 'Idempotency-Key': 'ts-create-0001' };
    const first = await raw.post('/memories', { text: 'Stored once' }, { headers });
    const retry = await raw.post('/memories', { text: 'Stored once' }, { headers });
    const other = await raw.post('/memories', { text: 'Something else' }, { headers });

    assert.equal(first.status, 201);
    assert.equal(retry.status, 200);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(retry.data.id, first.data.id);
    assert.equal(other.status, 422);
    assert.equal(other.data.error.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(other.data.code, 'IDEMPOTENCY_KEY_REUSED');
    const all = await sdk(key).listMemories();
    assert.equal(all.total, 1);
  });
});

describe('rate limits', () => {
  test('a 429 carries the wait in seconds, and the SDK retries it until the bucket lets it through', async () => {
    const key = await newTenant('ts-rate-limit');
    const raw = http(key);
    let refused;
    for (let i = 0; i < 500 && !refused; i++) {
      const answer = await raw.get('/memories', { params: { limit: 1 } });
      if (answer.status === 429) {
        refused = answer;
      }
    }
    assert.ok(refused, 'the tenant limit refuses a burst');
    assert.match(refused.headers['x-ratelimit-reset'], /^\d+$/, 'whole seconds, as the Python SDK reads it');
    assert.match(refused.headers['retry-after'], /^\d+$/);
    assert.equal(refused.headers['x-ratelimit-remaining'], '0');
    assert.equal(refused.data.code, 'RATE_LIMIT_EXCEEDED');

    // The bucket is empty: the SDK's first attempt is refused, its backoff (1 s, 2 s, 4 s) outlasts the refill.
    const page = await sdk(key).listMemories({ limit: 1 });
    assert.deepEqual(page.memories, []);
    assert.equal(page.total, 0);
  });
});
