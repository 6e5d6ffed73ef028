// Typed event bus + fetch wrapper from "Making TypeScript do the work".
import { EventEmitter } from "node:events";
import type { IncomingHttpHeaders } from "node:http";

/** Every event name maps to its payload type. */
interface Events {
  "user:created": { id: number; email: string };
  "user:deleted": { id: number };
  "cache:miss": { key: string; ttl?: number };
}

type Handler<K extends keyof Events> = (payload: Events[K]) => void | Promise<void>;

export enum Status {
  Idle = "idle",
  Loading = "loading",
  Failed = 0x2,
}

const enum Limits {
  MaxRetries = 3,
  BackoffMs = 2.5e2,
}

export class TypedBus {
  private readonly emitter = new EventEmitter();
  #count = 0;

  on<K extends keyof Events>(event: K, handler: Handler<K>): () => void {
    this.emitter.on(event, handler);
    return () => this.emitter.off(event, handler);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): boolean {
    this.#count++;
    return this.emitter.emit(event, payload);
  }

  get emitted(): number {
    return this.#count;
  }
}

/* Result type: discriminated union. */
type Result<T, E = Error> =
  | { ok: true; value: T }
  | { ok: false; error: E };

type ReadonlyDeep<T> = { readonly [P in keyof T]: T[P] extends object ? ReadonlyDeep<T[P]> : T[P] };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function fetchJson<T>(
  url: string,
  init: RequestInit = {},
  retries: number = Limits.MaxRetries,
): Promise<Result<T>> {
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      const res = await fetch(url, { ...init, headers: { Accept: "application/json" } });
      if (!res.ok) {
        throw new Error(`HTTP ${res.status} for ${url}`);
      }
      return { ok: true, value: (await res.json()) as T };
    } catch (err: unknown) {
      if (attempt === retries) {
        return { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
      }
      await sleep(Limits.BackoffMs * 2 ** attempt);
    }
  }
  throw new Error("unreachable");
}

function isHeaders(x: unknown): x is IncomingHttpHeaders {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

@sealed
class Config {
  constructor(public readonly baseUrl: string, protected timeout = 10_000) {}
}

function sealed(ctor: Function): void {
  Object.seal(ctor);
  Object.seal(ctor.prototype);
}

const bus = new TypedBus();
const unsubscribe = bus.on("user:created", ({ id, email }) => {
  console.log(`welcome #${id} <${email}>`);
});
bus.emit("user:created", { id: 42, email: 'ada@example.com' });
unsubscribe();

const cfg: ReadonlyDeep<Config> = new Config("https://api.example.com");
const big = 9_007_199_254_740_993n;
const re = /^user:(\d+)$/gi;
console.log(cfg.baseUrl, big, re.test("user:7"), isHeaders({}) ?? false, Status.Failed);
