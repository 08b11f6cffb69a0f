/**
 * A Response whose body is already in memory, for src/models/http-fetch.ts. Node's own Response
 * wraps any body in a web ReadableStream (made transferable, then read back chunk by chunk by
 * `json()`): on a 10k-call run that was ~0.5 CPU-s, the largest part of the transport's cost
 * (`--cpu-prof`: undici _Response, extractBody, fullyReadBody, makeTransferable). The SDKs read a
 * reply once, with `json()` or `text()`; those are served from the buffer here. Anything else
 * (`body` as a stream, `formData()`) opens an ordinary Response over the same bytes and reads
 * through it from then on, so the body is still read at most once, as with fetch.
 */
export class BufferedResponse extends Response {
  readonly #bytes: Buffer | null;
  #read = false;
  #opened: Response | undefined;

  constructor(bytes: Buffer | null, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }

  /** The bytes, once; fetch's own error when the body was read before. */
  #take(): Buffer {
    if (this.#read) throw new TypeError('Body is unusable: Body has already been read');
    this.#read = true;
    return this.#bytes ?? Buffer.alloc(0);
  }

  #open(): Response {
    this.#opened ??= new Response(this.#read ? null : this.#bytes, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
    return this.#opened;
  }

  #text(): Promise<string> | string {
    if (this.#opened) return this.#opened.text();
    const text = this.#take().toString('utf8');
    // As fetch's UTF-8 decode: a leading byte-order mark is not part of the text.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  // Node's types declare these as properties of Response (`body`, `bodyUsed` are accessors, the
  // rest methods), and a class body cannot override a property with an accessor or a method
  // (TS2611, TS2425): they are defined on the prototype here instead.
  static {
    Object.defineProperties(BufferedResponse.prototype, {
      text: {
        async value(this: BufferedResponse): Promise<string> {
          return this.#text();
        },
      },
      json: {
        async value(this: BufferedResponse): Promise<unknown> {
          return JSON.parse(await this.#text()) as unknown;
        },
      },
      arrayBuffer: {
        async value(this: BufferedResponse): Promise<ArrayBuffer> {
          if (this.#opened) return this.#opened.arrayBuffer();
          const bytes = this.#take();
          return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        },
      },
      body: {
        get(this: BufferedResponse): ReadableStream<Uint8Array> | null {
          return this.#bytes === null ? null : this.#open().body;
        },
      },
      bodyUsed: {
        get(this: BufferedResponse): boolean {
          return this.#opened ? this.#opened.bodyUsed : this.#read;
        },
      },
      blob: {
        async value(this: BufferedResponse): Promise<Blob> {
          if (this.#opened) return this.#opened.blob();
          return new Blob([this.#take()], { type: this.headers.get('content-type') ?? '' });
        },
      },
      formData: {
        value(this: BufferedResponse): Promise<FormData> {
          return this.#open().formData();
        },
      },
      clone: {
        value(this: BufferedResponse): Response {
          if (this.#opened) return this.#opened.clone();
          if (this.#read) throw new TypeError('Response.clone: Body has already been consumed.');
          return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) });
        },
      },
    });
  }
}
