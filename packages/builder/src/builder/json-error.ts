/**
 * Where JSON text is broken, as line and column: browsers' `JSON.parse` messages differ and some
 * give no position, so a small syntax-only scanner finds the first error itself.
 */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function parseJson(text: string): { value: unknown } | { error: JsonSyntaxError } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: locateJsonError(text) ?? at(text, 0, (e as Error).message) };
  }
}

function at(text: string, offset: number, message: string): JsonSyntaxError {
  const before = text.slice(0, offset).split('\n');
  return { offset, line: before.length, column: before[before.length - 1].length + 1, message };
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw at(text, i, message);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const char = () => (i < text.length ? `"${text[i]}"` : 'the end');
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`Expected a property name in double quotes, found ${char()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`Expected ":" after a property name, found ${char()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        fail(`Expected "," or "}" after a property value, found ${char()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        fail(`Expected "," or "]" after an array item, found ${char()}`);
      }
    }
    if (c === '"') return string();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m) return void (i += m[0].length);
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    fail(`Unexpected ${char()}`);
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (!'"\\/bfnrtu'.includes(text[i] ?? '')) fail('Invalid escape in a string');
        if (text[i] === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('Invalid \\u escape');
      } else if (text.charCodeAt(i) < 0x20) fail('Control character in a string (line breaks must be written as \\n)');
      i++;
    }
    if (i >= text.length) fail('Unterminated string');
    i++;
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`Unexpected ${char()} after the JSON value`);
    return undefined;
  } catch (e) {
    if ((e as JsonSyntaxError).offset !== undefined) return e as JsonSyntaxError;
    throw e;
  }
}
