import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import Assembler from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';

/** What becomes of a field's value: kept in the assembled value, left out (null in its place), or streamed item by item. */
export type FieldHandling = 'keep' | 'skip' | 'stream';

export interface JsonStreamHandlers {
  /** Decides for the field at `path` (keys from the root, e.g. `run.tasks`; only fields of objects nested in objects). */
  field(path: string): FieldHandling;
  /** An item of a streamed array (`path`), with the object that holds the array as assembled so far. */
  item(path: string, value: unknown, index: number, holder: unknown): void;
  /** A root field's value that is not an object or array, as soon as it is read. */
  rootValue?(key: string, value: unknown): void;
}

/** Text that is not JSON: what is wrong and where (a character offset from the start, and its line and column). */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
}

/** A source of text that can be read again from its start (to find where a syntax error is). */
export type TextChunks = () => Iterable<string>;

interface Frame {
  isArray: boolean;
  key: string | null;
}

const PRIMITIVES = new Set<Token['name']>(['stringValue', 'numberValue', 'nullValue', 'trueValue', 'falseValue']);
const NULL_TOKEN: Token = { name: 'nullValue', value: null };
const START_ARRAY: Token = { name: 'startArray' };
const END_ARRAY: Token = { name: 'endArray' };

/** The packed tokens of one piece of text (keys, strings and numbers whole). */
function tokensOf(parse: ReturnType<typeof jsonParser>, text: string | typeof none): Token[] {
  // The parser's type takes only text; `none` is how stream-chain tells it the text has ended.
  const out = parse(text as string);
  if (isMany(out)) return getManyValues(out) as Token[];
  return out === none ? [] : [out as Token];
}

const newParser = () => jsonParser({ packValues: true, streamValues: false });

/**
 * Walks a JSON text of any size in one pass with bounded memory: the value is assembled except the arrays
 * `handlers.field` streams (they are handed over item by item and stand as empty arrays in the result) and the
 * fields it skips. stream-json does the tokenizing and assembling; this only routes its tokens.
 */
export class JsonStreamWalker {
  readonly #handlers: JsonStreamHandlers;
  readonly #whole = new Assembler();
  readonly #frames: Frame[] = [];
  #pending: FieldHandling = 'keep';
  #mode: 'whole' | 'items' | 'skip' = 'whole';
  #depth = 0;
  readonly #item = new Assembler();
  #itemPath = '';
  #itemIndex = 0;

  constructor(handlers: JsonStreamHandlers) {
    this.#handlers = handlers;
  }

  /** The whole value (streamed arrays empty); throws `JsonSyntaxError` for text that is not JSON. */
  walk(chunks: TextChunks): unknown {
    const parse = newParser();
    let chunkIndex = 0;
    const tokens = (text: string | typeof none) => {
      try {
        return tokensOf(parse, text);
      } catch (error) {
        throw syntaxError(chunks, chunkIndex, error instanceof Error ? error.message : String(error));
      }
    };
    for (const chunk of chunks()) {
      for (const token of tokens(chunk)) this.#token(token);
      chunkIndex += 1;
    }
    for (const token of tokens(none)) this.#token(token);
    return this.#whole.current;
  }

  #token(token: Token): void {
    if (this.#mode === 'items') this.#itemToken(token);
    else if (this.#mode === 'skip') this.#skipToken(token);
    else this.#wholeToken(token);
  }

  #wholeToken(token: Token): void {
    const frame = this.#frames.at(-1);
    if (token.name === 'keyValue') {
      frame!.key = token.value;
      this.#pending = this.#frames.every((f) => !f.isArray) ? this.#handlers.field(this.#frames.map((f) => f.key).join('.')) : 'keep';
      this.#whole.consume(token);
      return;
    }
    const handling = this.#pending;
    this.#pending = 'keep';
    if (handling === 'stream' && token.name === 'startArray') {
      this.#whole.consume(START_ARRAY).consume(END_ARRAY);
      this.#mode = 'items';
      this.#depth = 0;
      this.#itemIndex = 0;
      this.#itemPath = this.#frames.map((f) => f.key).join('.');
      return;
    }
    if (handling === 'skip') {
      this.#whole.consume(NULL_TOKEN);
      if (token.name === 'startObject' || token.name === 'startArray') {
        this.#mode = 'skip';
        this.#depth = 1;
      }
      return;
    }
    this.#whole.consume(token);
    if (token.name === 'startObject' || token.name === 'startArray') this.#frames.push({ isArray: token.name === 'startArray', key: null });
    else if (token.name === 'endObject' || token.name === 'endArray') this.#frames.pop();
    else if (this.#frames.length === 1 && frame?.key != null && PRIMITIVES.has(token.name)) {
      const value = 'value' in token ? token.value : null;
      this.#handlers.rootValue?.(frame.key, token.name === 'numberValue' ? Number(value) : value);
    }
  }

  #itemToken(token: Token): void {
    if (this.#depth === 0 && token.name === 'endArray') {
      this.#mode = 'whole';
      return;
    }
    this.#item.consume(token);
    if (token.name === 'startObject' || token.name === 'startArray') this.#depth += 1;
    else if (token.name === 'endObject' || token.name === 'endArray') this.#depth -= 1;
    else if (token.name === 'keyValue' || this.#depth > 0) return;
    if (this.#depth === 0) {
      this.#handlers.item(this.#itemPath, this.#item.current, this.#itemIndex, this.#whole.current);
      this.#itemIndex += 1;
    }
  }

  #skipToken(token: Token): void {
    if (token.name === 'startObject' || token.name === 'startArray') this.#depth += 1;
    else if (token.name === 'endObject' || token.name === 'endArray') this.#depth -= 1;
    if (this.#depth === 0) this.#mode = 'whole';
  }
}

/**
 * Where the text stops being JSON. Found only once it is known to be broken: the text is read again up to the
 * chunk where the parser failed, and that chunk a character at a time, so a good file pays nothing for it.
 */
function syntaxError(chunks: TextChunks, failedChunk: number, reason: string): JsonSyntaxError {
  const parse = newParser();
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  const where = (at: number) => `at character ${at + 1} (line ${line}, column ${at - lineStart + 1})`;
  let index = 0;
  for (const chunk of chunks()) {
    for (let i = 0; i < chunk.length; i++) {
      if (index === failedChunk) {
        try {
          parse(chunk[i]!);
        } catch {
          return new JsonSyntaxError(`${reason} ${where(offset + i)}`);
        }
      }
      if (chunk.charCodeAt(i) === 10) {
        line += 1;
        lineStart = offset + i + 1;
      }
    }
    if (index < failedChunk) parse(chunk);
    offset += chunk.length;
    index += 1;
  }
  return new JsonSyntaxError(`${reason} at the end of the text ${where(offset)}`);
}
