/** What a cluster's primary and its workers say to each other over IPC (beside the libraries' own). */
export type WorkerMessage = { readonly type: 'conduit:metrics-request'; readonly id: number };

export type PrimaryMessage =
  | { readonly type: 'conduit:metrics'; readonly id: number; readonly text?: string; readonly error?: string }
  | { readonly type: 'conduit:shutdown'; readonly signal: string };

const hasType = (message: unknown): message is { type: unknown } => typeof message === 'object' && message !== null && 'type' in message;

export const isWorkerMessage = (message: unknown): message is WorkerMessage =>
  hasType(message) && message.type === 'conduit:metrics-request';

export const isPrimaryMessage = (message: unknown): message is PrimaryMessage =>
  hasType(message) && (message.type === 'conduit:metrics' || message.type === 'conduit:shutdown');
