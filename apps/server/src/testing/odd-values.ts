import fc from 'fast-check';

/* The odd values the fuzz test puts where a client's well-formed ones would go: strings, values, path segments, queries, bodies, headers. */

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

/** Strings that have broken servers: NUL, lone surrogates, control and bidi characters, sizes at and past the limits. */
export const oddString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '   \t\n',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\u202eevil',
    '😀'.repeat(50),
    '\u0007\u001b[31m',
    'x'.repeat(256),
    'x'.repeat(2049),
    'x'.repeat(100_001),
    'null',
    'true',
    '1e309',
    '-0',
    'NaN',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' or 1=1 --",
    '%00',
    '{{7*7}}',
    ...PROTOTYPE_KEYS,
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom([], {}, [null], [1, 'a'], { nested: { deep: [] } }, Number.MAX_SAFE_INTEGER),
  fc.array(oddString, { maxLength: 25 }),
  fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), oddString, { maxKeys: 3 }),
);

/** Percent-encodes text; a lone surrogate (which UTF-8 cannot carry) is sent as its WTF-8 bytes. */
export const encode = (text: string): string =>
  text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (char) => {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    }
    return encodeURIComponent(char);
  });

export const oddSegment = fc.oneof(
  oddString.map(encode),
  fc.constantFrom(
    '%00',
    '%ED%A0%80',
    '%',
    '%zz',
    '%2F',
    '..',
    '%2e%2e',
    'a'.repeat(300),
    '0',
    '-1',
    '1.5',
    '1e0',
    '%205%20',
    '05',
    '2147483648',
    '99999999999999999999',
    '__proto__',
    'constructor',
  ),
);

export const oddQueryValue = fc.oneof(
  oddString.map(encode),
  fc.constantFrom('', '-1', '1.5', '1e3', '0x10', '%00', '%ED%A0%80', '999999999999', 'Infinity', 'NaN', '%', 'true'),
);

export const oddRawBody = fc.oneof(
  fc.constantFrom('', '{', '}', 'null', '[]', '"text"', '0', 'true', '{"a":', '{"a":1,}', "{'a':1}", 'NaN', '\u0000', '[1,2'),
  fc.constant('['.repeat(5000) + ']'.repeat(5000)),
  fc.constant(`{"x":${'{"x":'.repeat(3000)}1${'}'.repeat(3000)}}`),
  fc.constant(JSON.stringify({ padding: 'x'.repeat(2_000_000) })),
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.constant(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])),
);

export const oddContentType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  '',
);

export const oddAuthorization = (token: string) =>
  fc.oneof(
    fc.constantFrom(
      'Token',
      'Token ',
      'Bearer',
      'Basic dXNlcjpwYXNz',
      'Token a.b.c',
      `Token ${'a'.repeat(9000)}`,
      `Token ${token}x`,
      `Token ${token.slice(0, -4)}AAAA`,
      `token  ${token}`,
      `Token ${token}.extra`,
      'Token eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
    ),
    fc.string({ unit: fc.constantFrom(...'abcXYZ0189-_.~+/= '.split('')), maxLength: 60 }).map((text) => `Token ${text}`),
  );
