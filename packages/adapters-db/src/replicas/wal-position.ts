/**
 * A position in PostgreSQL's write-ahead log (`pg_lsn`, written `16/B374D848`): two hexadecimal
 * halves of a 64-bit byte offset. Compared as numbers, since the text does not sort.
 */
export type WalPosition = bigint;

export const walPosition = (text: string): WalPosition => {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  if (match === null) throw new Error(`Not a WAL position: "${text}"`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
};
