import openapiTS, { astToString } from 'openapi-typescript';

/** The header of the generated file: what it is and how it is remade. */
const HEADER = `/**
 * Generated from openapi.json by openapi-typescript: do not edit. \`pnpm openapi:write\` remakes it
 * with the document, and a test fails when the two drift apart.
 */

`;

/** The client's types for an OpenAPI document, as the committed `openapi.ts` holds them. */
export const clientTypesFor = async (document: object): Promise<string> =>
  `${HEADER}${astToString(await openapiTS(JSON.parse(JSON.stringify(document))))}`;
