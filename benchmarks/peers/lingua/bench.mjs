// Benchmark peer: Braintrust lingua (npm @braintrust/lingua 0.1.0, a Rust -> WASM build).
//
//   node [--expose-gc] bench.mjs CELLS.json OUT.json [--print-outputs]
//
// For every cell lingua can translate, times lingua's own call with process.hrtime.bigint()
// (a few warm-up calls, then until ~0.15 s or 2,000 calls have passed, at least 5) and records
// the median per-call time. Writes {cell_id: {median_us, runs, api} | {skipped: reason}}.
// OUT.json is rewritten after every cell, so a crash still leaves the finished cells.
//
// lingua's whole-payload API takes a JSON *string* and returns a JS object:
//   transform_request(json, target, model?)   -> {transformed, sourceFormat, data} | {passThrough, data}
//   transform_response(json, target)          -> same shape
//   new TransformStreamSession(target).push(json) per event, then .finish() -> [{data, eventType?}]
// The source format is auto-detected. Inputs are serialised with JSON.stringify before the timed
// region (so no copies are needed: lingua never sees, let alone mutates, our objects).
// Nothing here touches the network: the Node build of the WASM glue reads lingua_bg.wasm from disk.

import fs from "node:fs";
import process from "node:process";

const WARMUP_CALLS = 5;
const WARMUP_NS = 10_000_000n; // warm-up: at least WARMUP_CALLS calls and ~10 ms
const BUDGET_NS = 150_000_000n;
const MAX_RUNS = 2000;
const MIN_RUNS = 5;
// The Bedrock InvokeModel / Vertex rawPredict bodies carry no model (it is in the URL), and
// lingua refuses to build an OpenAI / Responses / Anthropic request without one ("missing
// model"). Only when it refuses, the cell passes one through transform_request's optional
// `model` argument (a proxy would know it from the URL).
const MODEL_FOR_MODELLESS_SOURCE = "claude-haiku-4-5";

const NO_CONVERSE =
  "lingua 0.1.0 (WASM) has no Bedrock Converse support: converse payloads are not detected " +
  "as a source and the 'converse' target is rejected as unsupported";

// Our format -> lingua's name for the same wire format (its family, for passThrough checks).
const FAMILY = {
  "chat-completions": "openai",
  responses: "responses",
  anthropic: "anthropic",
  "bedrock-anthropic": "anthropic",
  "vertex-anthropic": "anthropic",
  google: "google",
};

// sourceFormat values lingua may report for a correctly detected source of each of our formats.
const DETECTED_AS = {
  "chat-completions": ["openai"],
  responses: ["responses"],
  anthropic: ["anthropic"],
  "bedrock-anthropic": ["anthropic", "bedrock_anthropic", "vertex_anthropic"],
  "vertex-anthropic": ["anthropic", "bedrock_anthropic", "vertex_anthropic"],
  google: ["google"],
};

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

const ANTHROPIC_STREAM_TYPES = new Set([
  "message_start",
  "message_delta",
  "message_stop",
  "content_block_start",
  "content_block_delta",
  "content_block_stop",
  "ping",
  "error",
]);

// Cheap structural checks that an output really is in lingua's target format.
const SHAPE = {
  request: {
    openai: (d) => isObject(d) && Array.isArray(d.messages),
    responses: (d) => isObject(d) && "input" in d,
    anthropic: (d) => isObject(d) && Array.isArray(d.messages),
    google: (d) => isObject(d) && Array.isArray(d.contents),
  },
  response: {
    openai: (d) => isObject(d) && Array.isArray(d.choices),
    responses: (d) => isObject(d) && Array.isArray(d.output),
    anthropic: (d) => isObject(d) && d.type === "message" && Array.isArray(d.content),
    google: (d) => isObject(d) && Array.isArray(d.candidates),
  },
  stream: {
    openai: (d) => isObject(d) && (d.object === "chat.completion.chunk" || Array.isArray(d.choices)),
    responses: (d) => isObject(d) && typeof d.type === "string" &&
      (d.type.startsWith("response.") || d.type === "error"),
    anthropic: (d) => isObject(d) && ANTHROPIC_STREAM_TYPES.has(d.type),
    google: (d) => isObject(d) && ("candidates" in d || "usageMetadata" in d),
  },
};

// lingua target name for a cell, or {skip: reason}.
function linguaTarget(cell) {
  const { kind, source, target } = cell;
  if (source === "bedrock" || target === "bedrock") return { skip: NO_CONVERSE };
  if (!(source in FAMILY)) return { skip: `unknown source format ${source}` };
  if (!(target in FAMILY)) return { skip: `unknown target format ${target}` };
  if (target === "bedrock-anthropic" || target === "vertex-anthropic") {
    if (kind === "request") {
      return {
        skip: `lingua has no ${target} request target (its 'anthropic' target keeps 'model' ` +
          "and does not set anthropic_version, so the body is not an InvokeModel/rawPredict body)",
      };
    }
    // Responses and stream events have the same body on Bedrock/Vertex as on Anthropic.
    return { name: "anthropic", note: ` [target 'anthropic': same ${kind} body as ${target}]` };
  }
  return { name: FAMILY[target], note: "" };
}

function errorText(err) {
  const msg = err instanceof Error ? err.message : String(err);
  const cause = err && err.cause ? `: ${errorText(err.cause)}` : "";
  return (msg + cause).replace(/\s+/g, " ").slice(0, 300);
}

// Sanity-check one result object of transform_request / transform_response / stream chunk.
function checkResult(res, cell, tgt) {
  if (!isObject(res) || !("data" in res)) return "lingua returned no data";
  if (res.passThrough) {
    if (FAMILY[cell.source] !== tgt) {
      return `lingua returned the ${cell.source} input unchanged (passThrough) for target ${tgt}`;
    }
  } else if (!DETECTED_AS[cell.source].includes(res.sourceFormat)) {
    return `lingua detected the ${cell.source} input as '${res.sourceFormat}'`;
  }
  return null;
}

function medianUs(samplesNs) {
  const xs = samplesNs.map(Number).sort((a, b) => a - b);
  const mid = xs.length >> 1;
  const ns = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return Math.round(ns) / 1000;
}

// `once` runs one translation and returns its timed nanoseconds (bigint).
function measure(once) {
  // Start every cell from a collected heap when node runs with --expose-gc (lingua_peer.py
  // does), so one cell's garbage is not collected inside the next cell's samples.
  if (typeof globalThis.gc === "function") globalThis.gc();
  const warmStart = process.hrtime.bigint();
  for (let i = 0; i < WARMUP_CALLS || process.hrtime.bigint() - warmStart < WARMUP_NS; i++) once();
  const samples = [];
  const start = process.hrtime.bigint();
  while (
    samples.length < MIN_RUNS ||
    (samples.length < MAX_RUNS && process.hrtime.bigint() - start < BUDGET_NS)
  ) {
    samples.push(once());
  }
  return { median_us: medianUs(samples), runs: samples.length };
}

let sink = null; // keeps results alive so no call can be optimised away

function benchPayload(wasm, cell, tgt, note, print) {
  const isRequest = cell.kind === "request";
  const json = JSON.stringify(cell.payload);
  let model;
  const call = isRequest
    ? () => wasm.transform_request(json, tgt, model)
    : () => wasm.transform_response(json, tgt);
  const fn = isRequest ? "transform_request" : "transform_response";

  let res;
  try {
    res = call();
  } catch (err) {
    if (!isRequest || !/missing model/i.test(errorText(err))) throw err;
    model = MODEL_FOR_MODELLESS_SOURCE;
    res = call();
  }
  const bad = checkResult(res, cell, tgt);
  if (bad) return { skipped: bad };
  if (!SHAPE[cell.kind][tgt](res.data)) {
    return { skipped: `output is not a ${tgt} ${cell.kind}: ${JSON.stringify(res.data).slice(0, 120)}` };
  }
  if (print) process.stderr.write(`${cell.id}:\n${JSON.stringify(res, null, 1).slice(0, 1500)}\n\n`);

  const timing = measure(() => {
    const t0 = process.hrtime.bigint();
    sink = call();
    return process.hrtime.bigint() - t0;
  });
  const extras = [];
  if (model !== undefined) extras.push(`model='${model}' passed: source body has none`);
  if (res.passThrough) extras.push("passThrough: input returned as the target body");
  const api = `${fn}(JSON string, '${tgt}'${model !== undefined ? ", model" : ""}) -> JS object` +
    `${note}${extras.length ? ` (${extras.join("; ")})` : ""}`;
  return { ...timing, api };
}

function runStream(wasm, tgt, events) {
  const session = new wasm.TransformStreamSession(tgt);
  try {
    const out = [];
    for (const e of events) out.push(...session.push(e));
    out.push(...session.finish());
    return out;
  } finally {
    session.free();
  }
}

function benchStream(wasm, cell, tgt, note, print) {
  if (!Array.isArray(cell.events) || cell.events.length === 0) return { skipped: "no events" };
  const events = cell.events.map((e) => JSON.stringify(e));

  // Source detection check on the first event (the session API does not report it).
  let first;
  try {
    first = wasm.transform_stream_chunk(events[0], tgt);
  } catch {
    first = null; // a first event lingua cannot translate alone is judged by the session run
  }
  if (first) {
    const bad = checkResult(first, cell, tgt);
    if (bad) return { skipped: bad };
  }
  const out = runStream(wasm, tgt, events);
  if (out.length === 0) return { skipped: "lingua produced no output events" };
  const wrong = out.find((c) => !isObject(c) || !SHAPE.stream[tgt](c.data));
  if (wrong) {
    return { skipped: `output event is not a ${tgt} stream event: ${JSON.stringify(wrong).slice(0, 120)}` };
  }
  if (print) {
    process.stderr.write(
      `${cell.id}: ${events.length} events in, ${out.length} out; first 3:\n` +
        `${JSON.stringify(out.slice(0, 3), null, 1).slice(0, 1500)}\n\n`,
    );
  }

  const timing = measure(() => {
    const t0 = process.hrtime.bigint();
    const session = new wasm.TransformStreamSession(tgt);
    for (const e of events) sink = session.push(e);
    sink = session.finish();
    const elapsed = process.hrtime.bigint() - t0;
    session.free();
    return elapsed;
  });
  const api = `new TransformStreamSession('${tgt}'); push(JSON string) per event; finish() ` +
    `-> JS objects; whole stream per run${note}`;
  return { ...timing, api };
}

function benchCell(wasm, cell, print) {
  const t = linguaTarget(cell);
  if (t.skip) return { skipped: t.skip };
  try {
    if (cell.kind === "stream") return benchStream(wasm, cell, t.name, t.note, print);
    if (cell.kind === "request" || cell.kind === "response") {
      return benchPayload(wasm, cell, t.name, t.note, print);
    }
    return { skipped: `unknown cell kind ${cell.kind}` };
  } catch (err) {
    return { skipped: `lingua error: ${errorText(err)}` };
  }
}

async function main() {
  const [cellsPath, outPath, ...flags] = process.argv.slice(2);
  if (!cellsPath || !outPath) {
    process.stderr.write("usage: node bench.mjs CELLS.json OUT.json [--print-outputs]\n");
    process.exit(2);
  }
  const print = flags.includes("--print-outputs");
  const cells = JSON.parse(fs.readFileSync(cellsPath, "utf8"));
  const results = {};
  const save = () => fs.writeFileSync(outPath, JSON.stringify(results, null, 1));

  let wasm;
  try {
    const lingua = await import("@braintrust/lingua");
    wasm = lingua.getWasm();
  } catch (err) {
    for (const cell of cells) results[cell.id] = { skipped: `cannot load lingua: ${errorText(err)}` };
    save();
    return;
  }
  for (let i = 0; i < cells.length; i++) {
    results[cells[i].id] = benchCell(wasm, cells[i], print);
    cells[i] = null; // let the payload (up to ~1 MB images, 2,000-event streams) be collected
    save();
  }
}

await main();
