// Start Bluesky's own PLC, PDS and AppView on 127.0.0.1 (@atproto/dev-env), seed a small
// peer-support community, print one JSON line describing it, and stay up until stdin closes.
//
// Needs PostgreSQL and Redis: DB_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)
// and REDIS_HOST (e.g. 127.0.0.1:6379). Each run uses its own PostgreSQL schema, DB_POSTGRES_SCHEMA
// (default: peerfeed_<pid in letters>), and drops it on exit, so no database needs creating.
//
//   node network.mjs [--bulk N]
//
// --bulk N adds N plain posts by bulkposter.test, for benchmarks.
//
// While running, each line on stdin is a JSON command and gets one JSON line back:
//   {"op": "post", "by": "amara", "text": "..."}   -> {"uri": "at://...", "cid": "..."}
//   {"op": "delete", "by": "amara", "uri": "at://..."} -> {"ok": true}
//   {"op": "create", "by": "jo", "collection": "app.bsky.feed.post", "record": {...}} -> {"uri", "cid"}
//       any record as lexicon JSON (a post with its own createdAt, an image or quote embed, a like)
//   {"op": "put", "by": "jo", "collection": "app.bsky.feed.post", "rkey": "...", "record": {...}}
//       -> {"uri", "cid"}: putRecord, as an app that edits a post does (createdAt kept by the caller)
//   {"op": "blob", "by": "jo", "base64": "...", "mime": "image/png"} -> {"blob": {...}} (lexicon JSON)
import { createInterface } from 'node:readline'
import process from 'node:process'

import devEnv from '@atproto/dev-env'
import { jsonToLex, lexToJson } from '@atproto/lexicon'
import pg from 'pg'

import { startFeedGenerator } from './feed-generator.mjs'

const { TestNetwork } = devEnv

const PASSWORD = 'peerfeed-test-password'
const PEOPLE = {
  amara: ['amara.test', 'Amara (peer worker)', 'Peer support worker in a community mental health team.'],
  dev: ['devraj.test', 'Dev', 'Carer for my son. Co-production rep on our trust involvement group.'],
  jo: ['joanne.test', 'Jo', 'Lived experience. Care planning nerd. Tea.'],
  bulk: ['bulkposter.test', 'Bulk poster', 'Many posts, for benchmarks.'],
}

const encoder = new TextEncoder()

// Facets index UTF-8 bytes, not JavaScript string positions: emoji and accents shift them.
function facet(text, fragment, feature, from = 0) {
  const at = text.indexOf(fragment, from)
  if (at < 0) throw new Error(`facet fragment ${fragment} not in ${text}`)
  const byteStart = encoder.encode(text.slice(0, at)).length
  const byteEnd = byteStart + encoder.encode(fragment).length
  return { index: { byteStart, byteEnd }, features: [feature] }
}
const link = (uri) => ({ $type: 'app.bsky.richtext.facet#link', uri })
const mention = (did) => ({ $type: 'app.bsky.richtext.facet#mention', did })
const tag = (t) => ({ $type: 'app.bsky.richtext.facet#tag', tag: t })

function argValue(name, fallback) {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : fallback
}

async function seed(network, bulk) {
  const sc = network.getSeedClient()
  const did = {}
  for (const [short, [handle, displayName, description]] of Object.entries(PEOPLE)) {
    const account = await sc.createAccount(short, { handle, email: `${short}@peerfeed.example`, password: PASSWORD })
    did[short] = account.did
    await sc.createProfile(account.did, displayName, description)
  }
  const posts = {}
  const post = async (key, by, text, facets) => {
    const res = await sc.post(did[by], text, facets)
    posts[key] = res.ref.uriStr
    return res.ref
  }

  // Oldest first: author feeds list newest first, so paging walks back through these.
  const planText = 'Care planning workshop at the Hub on Tuesday 7pm, co-produced with people who use our services. Details: https://hub.example/care-plans #coproduction #CarePlanning'
  const plan = await post('plan', 'amara', planText, [
    facet(planText, 'https://hub.example/care-plans', link('https://hub.example/care-plans?utm_source=bsky')),
    facet(planText, '#coproduction', tag('coproduction')),
    facet(planText, '#CarePlanning', tag('CarePlanning')),
  ])
  const thanksText = '🌱 Café chat with @devraj.test about carers’ voices in co-production — merci for the tea! #peersupport'
  await post('thanks', 'amara', thanksText, [
    facet(thanksText, '@devraj.test', mention(did.dev)),
    facet(thanksText, '#peersupport', tag('peersupport')),
  ])
  for (let i = 1; i <= 20; i++) {
    await post(`diary${i}`, 'jo', `Peer support diary ${i}: small steps today, a walk and a call with my peer worker.`)
  }
  const lowText = 'Feeling really low and flat this week, the waiting list letter knocked me back. #peersupport'
  await post('low', 'jo', lowText, [facet(lowText, '#peersupport', tag('peersupport'))])
  const replyText = 'Thank you @amara.test, I will come along on Tuesday and bring my care plan questions.'
  const reply = await sc.reply(did.jo, plan, plan, replyText, [facet(replyText, '@amara.test', mention(did.amara))])
  posts.reply = reply.ref.uriStr
  const repost = await sc.repost(did.jo, plan)
  const gone = await post('gone', 'jo', 'A post I will delete in a minute, peer support test.')
  await sc.deletePost(did.jo, gone.uri)
  for (let i = 1; i <= bulk; i++) {
    await post(`bulk${i}`, 'bulk', `Bulk peer support post ${i} about co-production and care plans #peersupport`)
  }

  // A custom feed from our own feed generator: amara's two posts, the workshop twice (once as
  // joanne's repost), paged by the generator's cursor.
  const feeds = {}
  const feedGenerator = await startFeedGenerator(network.plc.url, feeds)
  const gen = await sc.createFeedGen(did.amara, feedGenerator.did, 'Peer support picks')
  feeds[gen.uriStr] = [posts.thanks, { post: posts.plan, repost: repost.uriStr }, posts.plan]

  // A real app password, as a peerfeed operator would create for the collector.
  const session = sc.getHeaders(did.amara)
  const appPassword = await sc.agent.com.atproto.server.createAppPassword(
    { name: 'peerfeed' }, { encoding: 'application/json', headers: session })

  await network.processAll()
  return {
    did,
    handles: Object.fromEntries(Object.entries(PEOPLE).map(([k, v]) => [k, v[0]])),
    password: PASSWORD,
    app_password: appPassword.data.password,
    posts,
    repost: repost.uriStr,
    deleted: gone.uriStr,
    feed: gen.uriStr,
    sc,
    feedGenerator,
  }
}

async function main() {
  const pgUrl = process.env.DB_POSTGRES_URL
  if (!process.env.REDIS_HOST || !pgUrl) {
    throw new Error('set DB_POSTGRES_URL and REDIS_HOST (PostgreSQL and Redis on 127.0.0.1)')
  }
  // Schema names may hold only letters and underscores, so the pid is spelled in letters.
  const schema = process.env.DB_POSTGRES_SCHEMA ||
    `peerfeed_${String(process.pid).replace(/[0-9]/g, (d) => 'abcdefghij'[d])}`
  const bulk = Number(argValue('--bulk', '0'))
  const started = Date.now()
  const network = await TestNetwork.create({ dbPostgresSchema: schema })
  let seeded
  let closing = false
  const close = async (code) => {
    if (closing) return
    closing = true
    try {
      await seeded?.feedGenerator?.close()
      // network.close() can wait forever on open subscriptions; give it a few seconds.
      await Promise.race([network.close(), new Promise((resolve) => setTimeout(resolve, 5000))])
    } finally {
      // dev-env makes appview_<schema> and ozone_<schema>; leave nothing behind in the database.
      const client = new pg.Client({ connectionString: pgUrl })
      await client.connect()
      for (const s of [`appview_${schema}`, `ozone_${schema}`]) {
        await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`)
      }
      await client.end()
      process.exit(code)
    }
  }
  process.on('SIGTERM', () => close(0))
  process.on('SIGINT', () => close(0))

  try {
    seeded = await seed(network, bulk)
  } catch (err) {
    process.stderr.write(`network.mjs: seeding failed: ${err.stack || err}\n`)
    await close(1)
  }
  const { sc, feedGenerator, ...info } = seeded
  const out = {
    appview: network.bsky.url,
    pds: network.pds.url,
    plc: network.plc.url,
    schema,
    started_in_ms: Date.now() - started,
    ...info,
  }
  process.stdout.write(JSON.stringify(out) + '\n')

  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    if (!line.trim()) continue
    let reply
    try {
      const cmd = JSON.parse(line)
      const by = seeded.did[cmd.by]
      if (cmd.op === 'post') {
        const res = await sc.post(by, cmd.text)
        reply = { uri: res.ref.uriStr, cid: res.ref.cidStr }
      } else if (cmd.op === 'create' || cmd.op === 'put') {
        const input = { repo: by, collection: cmd.collection, record: jsonToLex(cmd.record) }
        if (cmd.rkey) input.rkey = cmd.rkey
        const call = cmd.op === 'create' ? sc.agent.com.atproto.repo.createRecord : sc.agent.com.atproto.repo.putRecord
        const res = await call.call(sc.agent.com.atproto.repo, input,
          { encoding: 'application/json', headers: sc.getHeaders(by) })
        reply = { uri: res.data.uri, cid: res.data.cid }
      } else if (cmd.op === 'blob') {
        const res = await sc.agent.com.atproto.repo.uploadBlob(Buffer.from(cmd.base64, 'base64'),
          { encoding: cmd.mime, headers: sc.getHeaders(by) })
        reply = { blob: lexToJson(res.data.blob) }
      } else if (cmd.op === 'delete') {
        // deletePost only reads the record key from the URI.
        await sc.deletePost(by, { rkey: cmd.uri.split('/').pop() })
        reply = { ok: true }
      } else {
        reply = { error: `unknown op ${cmd.op}` }
      }
      await network.processAll()
    } catch (err) {
      reply = { error: String(err) }
    }
    process.stdout.write(JSON.stringify(reply) + '\n')
  }
  await close(0)
}

main().catch((err) => {
  process.stderr.write(`network.mjs failed: ${err.stack || err}\n`)
  process.exit(1)
})
