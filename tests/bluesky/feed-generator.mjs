// A minimal Bluesky feed generator for the test network: a did:plc registered with the test PLC
// whose bsky_fg service answers app.bsky.feed.getFeedSkeleton from a list of post URIs.
// (dev-env 0.3.x ships one, but it calls a PDS export that its own PDS dependency no longer has.)
import { once } from 'node:events'
import http from 'node:http'

import { Secp256k1Keypair } from '@atproto/crypto'
import * as plc from '@did-plc/lib'

async function registerDid(plcUrl, port) {
  const keypair = await Secp256k1Keypair.create()
  const op = await plc.signOperation({
    type: 'plc_operation',
    verificationMethods: { atproto: keypair.did() },
    rotationKeys: [keypair.did()],
    alsoKnownAs: [],
    services: { bsky_fg: { type: 'BskyFeedGenerator', endpoint: `http://localhost:${port}` } },
    prev: null,
  }, keypair)
  const did = await plc.didForCreateOp(op)
  await new plc.Client(plcUrl).sendOperation(did, op)
  return did
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/**
 * Start a feed generator. `feeds` maps a feed's at:// URI to what it lists, in order: a post URI,
 * or {post, repost} for a post shown because someone reposted it.
 */
export async function startFeedGenerator(plcUrl, feeds) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost')
    if (url.pathname !== '/xrpc/app.bsky.feed.getFeedSkeleton') {
      return send(res, 404, { error: 'MethodNotImplemented', message: url.pathname })
    }
    const uris = feeds[url.searchParams.get('feed')]
    if (!uris) return send(res, 400, { error: 'UnknownFeed', message: 'unknown feed' })
    const start = Number(url.searchParams.get('cursor') || 0)
    const limit = Number(url.searchParams.get('limit') || 50)
    const page = uris.slice(start, start + limit)
    const next = start + page.length
    send(res, 200, {
      feed: page.map((entry) => (typeof entry === 'string'
        ? { post: entry }
        : { post: entry.post, reason: { $type: 'app.bsky.feed.defs#skeletonReasonRepost', repost: entry.repost } })),
      ...(next < uris.length ? { cursor: String(next) } : {}),
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  const did = await registerDid(plcUrl, port)
  return { did, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
