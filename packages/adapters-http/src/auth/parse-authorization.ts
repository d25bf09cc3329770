export type ParsedAuthorization =
  | { readonly kind: 'missing' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'token'; readonly token: string };

// RealWorld clients send "Token <jwt>"; generic OAuth-style clients send "Bearer <jwt>".
const AUTHORIZATION = /^(?:Token|Bearer) +([A-Za-z0-9._~+/-]+=*) *$/i;
const MAX_HEADER_LENGTH = 8192;

/** Step 1 of authentication: syntax only, no cryptography. */
export const parseAuthorization = (header: string | undefined): ParsedAuthorization => {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  if (header.length > MAX_HEADER_LENGTH) return { kind: 'malformed' };
  const match = AUTHORIZATION.exec(header);
  return match?.[1] ? { kind: 'token', token: match[1] } : { kind: 'malformed' };
};
