/** Makes a switch exhaustive: adding a union member without handling it breaks the build. */
export const assertNever = (value: never): never => {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
};
